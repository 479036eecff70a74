-- Case-file sampling (案卷抽查): quarterly rounds drawn per department with the
-- verifiable draw engine, the sampled cases with their score sheets (评查表)
-- and findings, and the legal advice letters (法治建议书) that follow.
CREATE TABLE case_review_rounds (
  id BIGSERIAL PRIMARY KEY,
  year BIGINT NOT NULL,
  quarter BIGINT NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  name TEXT NOT NULL,
  by_percent BIGINT NOT NULL DEFAULT 0,
  sample_count BIGINT NOT NULL DEFAULT 0,
  sample_percent BIGINT NOT NULL DEFAULT 0,
  sample_minimum BIGINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('draft', 'committed', 'drawn', 'cancelled')),
  cancel_reason TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT ''
);

-- The commitment (published before the draw) and the draw file of a round.
CREATE TABLE case_review_draws (
  round_id BIGINT PRIMARY KEY REFERENCES case_review_rounds(id),
  commitment_id TEXT NOT NULL UNIQUE,
  commitment_text TEXT NOT NULL,
  committed_at BIGINT NOT NULL,
  committed_by TEXT NOT NULL,
  secret_seed_hex TEXT NOT NULL DEFAULT '',
  input_file TEXT NOT NULL,
  seed_hex TEXT NOT NULL DEFAULT '',
  draw_file TEXT NOT NULL DEFAULT '',
  drawn_at BIGINT NOT NULL DEFAULT 0,
  drawn_by TEXT NOT NULL DEFAULT ''
);

CREATE TABLE case_review_samples (
  id BIGSERIAL PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES case_review_rounds(id),
  case_id BIGINT NOT NULL REFERENCES cases(id),
  case_key TEXT NOT NULL,
  department_id BIGINT NOT NULL REFERENCES departments(id),
  closed_on TEXT NOT NULL,
  position BIGINT NOT NULL,
  scored BIGINT NOT NULL DEFAULT 0,
  reviewer TEXT NOT NULL DEFAULT '',
  reviewed_on TEXT NOT NULL DEFAULT '',
  total BIGINT NOT NULL DEFAULT 0,
  grade TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (round_id, case_id),
  UNIQUE (round_id, position)
);
CREATE INDEX case_review_samples_department ON case_review_samples(department_id);

CREATE TABLE case_review_scores (
  sample_id BIGINT NOT NULL REFERENCES case_review_samples(id),
  item TEXT NOT NULL,
  points BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (sample_id, item)
);

CREATE TABLE case_review_findings (
  sample_id BIGINT NOT NULL REFERENCES case_review_samples(id),
  position BIGINT NOT NULL,
  item TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (sample_id, position)
);

-- 法治建议书: numbered on issue, one sequence a year without gaps.
CREATE TABLE legal_advice_letters (
  id BIGSERIAL PRIMARY KEY,
  round_id BIGINT REFERENCES case_review_rounds(id),
  department_id BIGINT NOT NULL REFERENCES departments(id),
  subject TEXT NOT NULL,
  issues TEXT NOT NULL,
  recommendations TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'issued', 'responded')),
  number TEXT,
  letter_year BIGINT,
  letter_seq BIGINT,
  issued_on TEXT NOT NULL DEFAULT '',
  responded_on TEXT NOT NULL DEFAULT '',
  measures TEXT NOT NULL DEFAULT '',
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (number),
  UNIQUE (letter_year, letter_seq)
);
CREATE INDEX legal_advice_letters_department ON legal_advice_letters(department_id);
