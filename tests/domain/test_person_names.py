"""Splitting a typed name for servers that match `name` only on family/given."""

from __future__ import annotations

from app.domain.person_names import name_splits, same_name


def test_a_chinese_name_splits_surname_first():
    assert name_splits("张伟") == [("张", "伟")]
    assert name_splits(" 李 小明 ") == [("李", "小明")]  # typed with a space: still surname first


def test_a_compound_surname_is_tried_first_then_the_single_one():
    assert name_splits("欧阳锋") == [("欧阳", "锋"), ("欧", "阳锋")]
    assert name_splits("司马相如") == [("司马", "相如"), ("司", "马相如")]


def test_a_compound_surname_alone_is_not_split_into_nothing():
    assert name_splits("欧阳") == [("欧", "阳")]


def test_western_names_in_both_orders_and_with_a_comma():
    assert name_splits("John Smith") == [("Smith", "John"), ("John", "Smith")]
    assert name_splits("Smith, John") == [("Smith", "John")]
    assert name_splits("Madonna") == []
    assert name_splits("") == []


def test_same_name_ignores_case_width_and_spaces_and_accepts_either_order():
    assert same_name("张伟", "张 伟")
    assert same_name("John Smith", "smith john")
    assert same_name("Ｚｈａｎｇ Wei", "zhang wei")
    assert not same_name("张伟明", "张伟")
    assert not same_name("John Smithson", "John Smith")
