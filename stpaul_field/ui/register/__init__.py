"""The beneficiary register: list with search, detail with follow-up history, forms, merge."""

from stpaul_field.ui.register.view import RegisterView

__all__ = ["RegisterView"]
