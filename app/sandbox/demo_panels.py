"""The reports a demo hospital issues: panels of catalogue items, and the extras some add."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    """A report a hospital issues: one or more catalogue categories and their items."""

    key: str
    number: int
    zh: str
    categories: tuple[str, ...]
    loinc: str | None
    items: tuple[str, ...]


_LIPIDS = ("LAB-TC", "LAB-TG", "LAB-HDLC", "LAB-LDLC", "LAB-APOA1", "LAB-APOB")
PANELS: dict[str, Panel] = {p.key: p for p in (
    Panel("blood-routine", 1, "血常规（五分类）", ("blood-routine",), "57021-8", (
        "LAB-WBC", "LAB-RBC", "LAB-HGB", "LAB-HCT", "LAB-PLT", "LAB-MCV", "LAB-MCH", "LAB-MCHC",
        "LAB-RDWCV", "LAB-NEUTP", "LAB-LYMPHP", "LAB-MONOP", "LAB-EOP", "LAB-BASOP",
        "LAB-NEUT", "LAB-LYMPH")),
    Panel("liver-function", 2, "肝功能", ("liver-function",), "24325-3", (
        "LAB-ALT", "LAB-AST", "LAB-GGT", "LAB-ALP", "LAB-TBIL", "LAB-DBIL", "LAB-TP", "LAB-ALB")),
    Panel("kidney-function", 3, "肾功能", ("kidney-function",), "24362-6",
          ("LAB-CREA", "LAB-UREA", "LAB-UA", "LAB-CYSC")),
    Panel("electrolytes", 4, "电解质", ("electrolytes",), "24326-1",
          ("LAB-K", "LAB-NA", "LAB-CL", "LAB-CA", "LAB-MG", "LAB-P", "LAB-CO2")),
    Panel("glucose", 5, "空腹血糖", ("glucose",), None, ("LAB-GLU",)),
    Panel("lipids", 6, "血脂", ("lipids",), "57698-3", _LIPIDS),
    Panel("hba1c", 7, "糖化血红蛋白", ("hba1c",), None, ("LAB-HBA1C",)),
    Panel("thyroid", 8, "甲状腺功能", ("thyroid",), None,
          ("LAB-TSH", "LAB-FT3", "LAB-FT4", "LAB-T3", "LAB-T4")),
    Panel("coagulation", 9, "凝血功能", ("coagulation",), None,
          ("LAB-PT", "LAB-INR", "LAB-APTT", "LAB-FIB", "LAB-TT", "LAB-DDIMER")),
    Panel("tumour-markers", 10, "肿瘤标志物", ("tumour-markers",), None,
          ("LAB-AFP", "LAB-CEA", "LAB-CA199", "LAB-CA125", "LAB-CA153", "LAB-TPSA", "LAB-FPSA")),
    Panel("hbv-serology", 11, "乙肝五项", ("hbv-serology",), None,
          ("LAB-HBSAG", "LAB-ANTIHBS", "LAB-HBEAG", "LAB-ANTIHBE", "LAB-ANTIHBC")),
    Panel("glucose-lipids", 12, "血糖+血脂", ("glucose", "lipids"), None, ("LAB-GLU", *_LIPIDS)),
)}
#: Tumour markers ordered by sex: PSA for men, CA125 and CA15-3 for women.
SEX_ONLY = {"LAB-TPSA": "male", "LAB-FPSA": "male", "LAB-CA125": "female", "LAB-CA153": "female"}
#: Off-catalogue extras some hospitals add to a panel: (panel, hospitals, chance, item, name).
PANEL_EXTRAS: tuple[tuple[str, tuple[str, ...], float, str, str], ...] = (
    ("blood-routine", ("org-jnqy", "org-whjh"), 0.3, "HSCRP", "+超敏C反应蛋白"),
    ("kidney-function", ("org-sdsl",), 0.3, "HCY", "+同型半胱氨酸"),
)
