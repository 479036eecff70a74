-- The directory of market entities (检查对象名录库), its history and its
-- search indexes (name bigrams and tags).
CREATE TABLE entities (
  id BIGSERIAL PRIMARY KEY,
  credit_code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'individual', 'cooperative', 'branch')),
  legal_representative TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  station_id BIGINT REFERENCES departments(id),
  industry TEXT NOT NULL DEFAULT '',
  registered_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('active', 'deregistered', 'revoked', 'moved_out')),
  risk_class TEXT NOT NULL DEFAULT '' CHECK (risk_class IN ('', 'A', 'B', 'C', 'D')),
  risk_classified_on TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_street ON entities(street);
CREATE INDEX entities_industry ON entities(industry);
CREATE INDEX entities_station ON entities(station_id);
CREATE INDEX entities_status_risk ON entities(status, risk_class);

-- Every saved version of an entity, as it was.
CREATE TABLE entity_versions (
  entity_id BIGINT NOT NULL REFERENCES entities(id),
  version BIGINT NOT NULL,
  source TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  legal_representative TEXT NOT NULL,
  address TEXT NOT NULL,
  street TEXT NOT NULL,
  station_id BIGINT,
  industry TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  status TEXT NOT NULL,
  risk_class TEXT NOT NULL,
  risk_classified_on TEXT NOT NULL,
  tags TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (entity_id, version)
);

-- Two-character grams of the folded name: a substring query of n >= 2
-- characters only has to look at entities holding all of its grams.
CREATE TABLE entity_name_grams (
  gram TEXT NOT NULL,
  entity_id BIGINT NOT NULL REFERENCES entities(id),
  PRIMARY KEY (gram, entity_id)
);
CREATE INDEX entity_name_grams_entity ON entity_name_grams(entity_id);

CREATE TABLE entity_tags (
  tag TEXT NOT NULL,
  entity_id BIGINT NOT NULL REFERENCES entities(id),
  PRIMARY KEY (tag, entity_id)
);
CREATE INDEX entity_tags_entity ON entity_tags(entity_id);
