"""The rules: one module per rule, whose docstring is the rule's page.

``base`` says what a rule is; ``registry`` lists every rule by code. Importing this
package, or ``base``, loads no rule.
"""
