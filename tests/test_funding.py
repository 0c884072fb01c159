"""rule:funding: a funding round's investors invest in the company that raised it."""

from __future__ import annotations

import pytest

from kg.pipeline import extract
from kg.types import Document


def investments(text: str) -> set[tuple[str, str]]:
    g = extract(Document.from_text(text, "x"))
    label = {e.iri: e.label for e in g.entities}
    return {(label[r.subject], label[r.obj]) for r in g.relations if r.predicate == "investsIn"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Paystack has raised $8 million in Series A funding from Stripe, Visa and Tencent.",
     {("Stripe", "Paystack"), ("Visa", "Paystack"), ("Tencent", "Paystack")}),
    ("Kessel Robotics raised $40 million in a Series B round led by Sequoia Capital.",
     {("Sequoia Capital", "Kessel Robotics")}),
    ("In the seed round, BuyMed netted $500,000 from Cocoon Capital and Viet Capital Ventures.",
     {("Cocoon Capital", "BuyMed"), ("Viet Capital Ventures", "BuyMed")}),
    (("Meanwhile, Kessel Capital, Surge Ventures and Smilegate Investment pledged $9 million for BuyMed in a "
      "series A round."),
     {("Kessel Capital", "BuyMed"), ("Surge Ventures", "BuyMed"), ("Smilegate Investment", "BuyMed")}),
])
def test_a_rounds_investors_invest_in_the_company(text, expected):
    assert expected <= investments(text), investments(text)


@pytest.mark.parametrize("text", [
    "Kessel Robotics is in talks to raise up to $700 million from Sequoia Capital and Accel.",
    "Kessel Robotics raised concerns from Sequoia Capital about the plan.",
    "Kessel Robotics did not raise any money from Sequoia Capital last year.",
])
def test_a_raise_hedged_denied_or_of_no_money_states_no_investment(text):
    assert not investments(text), investments(text)
