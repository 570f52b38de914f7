-- The whole-chain timeline reads one page of a person's history at a time (issue 4): the
-- applications and signed decisions of the person's cases in a range of dates, in date order.
-- (Payments are found through payment_case_idx and their run; reason codes through their key.)
CREATE INDEX application_case_received_idx ON application (municipality_id, case_id, received_on);
CREATE INDEX decision_case_decided_idx ON decision (municipality_id, case_id, decided_on)
  WHERE status = 'signed';
