-- How a benchmark application's panel was drawn when it was not simply by specialty: too few experts of the
-- carrier's industries (the rest drawn from any eligible expert), or a member replaced after deactivation.
ALTER TABLE benchmark_application ADD COLUMN panel_note VARCHAR(1000);
