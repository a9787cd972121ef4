"""A small catalogue written out by hand, so rule tests do not depend on the bundled data."""

from app.domain.catalogue import Catalogue, parse_catalogue
from app.domain.identity import ORGANIZATION_SYSTEM
from app.domain.models import Identifier

NATIONAL = {"level": "national", "region": "000000"}
SHANDONG = {"level": "province", "region": "370000"}
JINAN = {"level": "city", "region": "370100"}
YANTAI = {"level": "city", "region": "370600"}

JINAN_REGION = "370102"
WUHAN_REGION = "420102"

DOC = {
    "schema": "huren-recognition-catalogue/1",
    "version": "test",
    "published": "2026-01-01",
    "publisher": "tests",
    "categories": [
        {"code": "electrolytes", "name": {"zh": "电解质", "en": "Electrolytes"}},
        {"code": "lipids", "name": {"zh": "血脂", "en": "Lipids"}},
        {"code": "hba1c", "name": {"zh": "糖化血红蛋白", "en": "HbA1c"}},
    ],
    "items": [
        {"code": "K", "kind": "lab", "name": {"zh": "钾", "en": "Potassium"}, "category": "electrolytes",
         "loinc": ["2823-3"], "local": [{"system": "urn:local:h1", "code": "K+"}], "window_days": 7,
         "scope": NATIONAL, "price_yuan": 3},
        {"code": "TC", "kind": "lab", "name": {"zh": "总胆固醇", "en": "Cholesterol"}, "category": "lipids",
         "loinc": ["2093-3", "14647-2"], "window_days": 30, "scope": NATIONAL, "price_yuan": 5},
        {"code": "HBA1C", "kind": "lab", "name": {"zh": "糖化血红蛋白", "en": "HbA1c"}, "category": "hba1c",
         "loinc": ["4548-4"], "window_days": 60, "scope": SHANDONG, "price_yuan": 60},
    ],
    "institutions": [
        {"identifier": {"system": ORGANIZATION_SYSTEM, "value": "NAT"}, "name": "national", "region": "370102",
         "qualifications": [{"mark": "全国HR", "scope": NATIONAL, "categories": ["electrolytes", "lipids", "hba1c"],
                             "valid_from": "2024-01-01", "valid_to": "2027-12-31"}]},
        {"identifier": {"system": ORGANIZATION_SYSTEM, "value": "LU"}, "name": "province", "region": "370202",
         "qualifications": [{"mark": "鲁HR", "scope": SHANDONG, "items": ["K", "TC"],
                             "valid_from": "2024-01-01", "valid_to": "2025-06-30"},
                            {"mark": "鲁HR", "scope": SHANDONG, "items": ["K"],
                             "valid_from": "2026-03-01", "valid_to": None}]},
        {"identifier": {"system": ORGANIZATION_SYSTEM, "value": "YT"}, "name": "city", "region": "370602",
         "qualifications": [{"mark": "烟台HR", "scope": YANTAI, "categories": ["electrolytes", "lipids"],
                             "valid_from": "2024-01-01", "valid_to": None}]},
        {"identifier": {"system": ORGANIZATION_SYSTEM, "value": "NONE"}, "name": "never", "region": "370802",
         "qualifications": []},
    ],
}


def catalogue() -> Catalogue:
    return parse_catalogue(DOC)


def org(value: str) -> Identifier:
    return Identifier(ORGANIZATION_SYSTEM, value)
