-- The eligible population of a committed plan per credit-risk stratum, frozen
-- with its commitment (every stratum present, drawn from or not): the N_h of
-- the stratified estimate of the population's problem rate (docs/inspection-plans.md).
CREATE TABLE plan_populations (
  plan_id BIGINT NOT NULL REFERENCES inspection_plans(id),
  stratum TEXT NOT NULL,
  eligible BIGINT NOT NULL CHECK (eligible >= 0),
  PRIMARY KEY (plan_id, stratum)
);
