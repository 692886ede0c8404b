-- Which deployed version of the eligibility decision table decided (e.g. 'EligibilityIncubator v3'), recorded
-- beside the rule set on each application and on the certification it led to. Null on rows decided before.
ALTER TABLE application ADD COLUMN rule_table VARCHAR(80);
ALTER TABLE certification ADD COLUMN rule_table VARCHAR(80);
