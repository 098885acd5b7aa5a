ALTER TABLE questions DROP CONSTRAINT questions_outcome_check;
ALTER TABLE questions ADD CONSTRAINT questions_outcome_check
    CHECK (outcome IN ('answered', 'suggested', 'declined', 'smalltalk', 'plan'));
