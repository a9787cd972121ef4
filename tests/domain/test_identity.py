from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.identity import (
    ResidentIdError,
    check_digit,
    is_valid_resident_id,
    make_resident_id,
    mask_resident_id,
    parse_resident_id,
)

# Published GB 11643 example: 11010519491231002X (female, born 1949-12-31).
EXAMPLE = "11010519491231002X"


def test_published_example_is_valid():
    rid = parse_resident_id(EXAMPLE)
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex == "female"
    assert rid.region == "110105"
    assert check_digit(EXAMPLE[:17]) == "X"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11010519491231002", "18 characters"),
        ("1101051949123100AX", "17 digits"),
        ("110105194913310023", "not a date"),
        ("110105194912310021", "check digit"),
        ("110105299912310021", "not plausible"),
    ],
)
def test_invalid_ids_say_what_is_wrong(text, message):
    with pytest.raises(ResidentIdError, match=message):
        parse_resident_id(text)


def test_lower_case_x_and_spaces_are_accepted():
    assert parse_resident_id(" 110105 19491231 002x ").value == EXAMPLE


def test_mask_keeps_ends_only():
    assert mask_resident_id(EXAMPLE) == "110105********002X"


@given(born=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
       seq=st.integers(min_value=0, max_value=999),
       region=st.sampled_from(["370102", "420102", "110105"]))
def test_made_ids_validate_and_any_single_digit_change_is_caught(born, seq, region):
    value = make_resident_id(region, born, seq)
    rid = parse_resident_id(value, today=date(2026, 1, 1))
    assert rid.birth_date == born
    assert rid.sex == ("male" if seq % 2 else "female")
    # GB 11643's mod-11 check catches every single-digit substitution.
    for pos in (0, 5, 10, 16):
        wrong = str((int(value[pos]) + 1) % 10)
        assert not is_valid_resident_id(value[:pos] + wrong + value[pos + 1:])
