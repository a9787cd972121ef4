"""The resource types of FHIR R4 (4.0.1), and where each keeps the patient it is about.

A conformant server accepts every type the specification defines, not only the ones this
project writes: a US Core or Synthea transaction carries Encounters, Claims and Provenance
alongside the labs, and refusing one entry refuses the whole transaction. The list is the
R4 `resource-types` value set without its two abstract codes (Resource, DomainResource).
"""

from __future__ import annotations

R4_RESOURCE_TYPES: tuple[str, ...] = (
    "Account", "ActivityDefinition", "AdverseEvent", "AllergyIntolerance", "Appointment",
    "AppointmentResponse", "AuditEvent", "Basic", "Binary", "BiologicallyDerivedProduct",
    "BodyStructure", "Bundle", "CapabilityStatement", "CarePlan", "CareTeam", "CatalogEntry",
    "ChargeItem", "ChargeItemDefinition", "Claim", "ClaimResponse", "ClinicalImpression",
    "CodeSystem", "Communication", "CommunicationRequest", "CompartmentDefinition", "Composition",
    "ConceptMap", "Condition", "Consent", "Contract", "Coverage", "CoverageEligibilityRequest",
    "CoverageEligibilityResponse", "DetectedIssue", "Device", "DeviceDefinition", "DeviceMetric",
    "DeviceRequest", "DeviceUseStatement", "DiagnosticReport", "DocumentManifest",
    "DocumentReference", "EffectEvidenceSynthesis", "Encounter", "Endpoint", "EnrollmentRequest",
    "EnrollmentResponse", "EpisodeOfCare", "EventDefinition", "Evidence", "EvidenceVariable",
    "ExampleScenario", "ExplanationOfBenefit", "FamilyMemberHistory", "Flag", "Goal",
    "GraphDefinition", "Group", "GuidanceResponse", "HealthcareService", "ImagingStudy",
    "Immunization", "ImmunizationEvaluation", "ImmunizationRecommendation", "ImplementationGuide",
    "InsurancePlan", "Invoice", "Library", "Linkage", "List", "Location", "Measure", "MeasureReport",
    "Media", "Medication", "MedicationAdministration", "MedicationDispense", "MedicationKnowledge",
    "MedicationRequest", "MedicationStatement", "MedicinalProduct", "MedicinalProductAuthorization",
    "MedicinalProductContraindication", "MedicinalProductIndication", "MedicinalProductIngredient",
    "MedicinalProductInteraction", "MedicinalProductManufactured", "MedicinalProductPackaged",
    "MedicinalProductPharmaceutical", "MedicinalProductUndesirableEffect", "MessageDefinition",
    "MessageHeader", "MolecularSequence", "NamingSystem", "NutritionOrder", "Observation",
    "ObservationDefinition", "OperationDefinition", "OperationOutcome", "Organization",
    "OrganizationAffiliation", "Parameters", "Patient", "PaymentNotice", "PaymentReconciliation",
    "Person", "PlanDefinition", "Practitioner", "PractitionerRole", "Procedure", "Provenance",
    "Questionnaire", "QuestionnaireResponse", "RelatedPerson", "RequestGroup", "ResearchDefinition",
    "ResearchElementDefinition", "ResearchStudy", "ResearchSubject", "RiskAssessment",
    "RiskEvidenceSynthesis", "Schedule", "SearchParameter", "ServiceRequest", "Slot", "Specimen",
    "SpecimenDefinition", "StructureDefinition", "StructureMap", "Subscription", "Substance",
    "SubstanceNucleicAcid", "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
    "SubstanceSourceMaterial", "SubstanceSpecification", "SupplyDelivery", "SupplyRequest", "Task",
    "TerminologyCapabilities", "TestReport", "TestScript", "ValueSet", "VerificationResult",
    "VisionPrescription",
)

#: What the store keeps: every type but Binary, which serves the recognition catalogue only
#: (see api.py) and is never written by a client.
STORED_TYPES: tuple[str, ...] = tuple(t for t in R4_RESOURCE_TYPES if t != "Binary")

#: Types whose R4 definition has no top-level `identifier`: they get no `identifier`
#: search parameter (listing one would advertise a search that can never match).
WITHOUT_IDENTIFIER: frozenset[str] = frozenset({
    "Binary", "CapabilityStatement", "CompartmentDefinition", "GraphDefinition",
    "ImplementationGuide", "Linkage", "MedicinalProductContraindication",
    "MedicinalProductIndication", "MedicinalProductInteraction", "MedicinalProductManufactured",
    "MedicinalProductUndesirableEffect", "MessageHeader", "NamingSystem", "OperationDefinition",
    "OperationOutcome", "Parameters", "SearchParameter", "Subscription", "SubstanceNucleicAcid",
    "SubstancePolymer", "SubstanceProtein", "SubstanceReferenceInformation",
    "SubstanceSourceMaterial", "TerminologyCapabilities",
})

_BY_SUBJECT = (
    "Account", "AdverseEvent", "CarePlan", "CareTeam", "ChargeItem", "ClinicalImpression",
    "Communication", "CommunicationRequest", "Composition", "Condition", "Contract",
    "DeviceRequest", "DeviceUseStatement", "DocumentManifest", "DocumentReference", "Encounter",
    "Flag", "Goal", "GuidanceResponse", "Invoice", "List", "MeasureReport", "Media",
    "MedicationAdministration", "MedicationDispense", "MedicationRequest", "MedicationStatement",
    "Procedure", "QuestionnaireResponse", "RequestGroup", "RiskAssessment", "Specimen",
)
_BY_PATIENT = (
    "AllergyIntolerance", "BodyStructure", "Claim", "ClaimResponse", "CoverageEligibilityRequest",
    "CoverageEligibilityResponse", "DetectedIssue", "Device", "EpisodeOfCare", "ExplanationOfBenefit",
    "FamilyMemberHistory", "Immunization", "ImmunizationEvaluation", "ImmunizationRecommendation",
    "MolecularSequence", "NutritionOrder", "RelatedPerson", "SupplyDelivery", "VisionPrescription",
)

#: The element that names the patient a record is about, for the types the sandbox has no
#: hand-written search definitions of (search_params.py). It drives the generic `patient` search
#: parameter (and `subject`, where the element is `subject`), which is what a chart needs:
#: "everything of this kind about this patient".
PATIENT_ELEMENT: dict[str, str] = {
    **{t: "subject" for t in _BY_SUBJECT},
    **{t: "patient" for t in _BY_PATIENT},
    "Appointment": "participant.actor",
    "AppointmentResponse": "actor",
    "Coverage": "beneficiary",
    "EnrollmentRequest": "candidate",
    "ResearchSubject": "individual",
    "Task": "for",
}
