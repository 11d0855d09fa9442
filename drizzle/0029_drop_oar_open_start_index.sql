-- Nothing reads this index since migration 0028: the board and the deadline scan read OAR
-- deadlines from oar_obligations (lib/oppdrag/oar-obligations.ts), and every write of an OAR
-- submission paid for it.
DROP INDEX "submissions_oar_open_start_idx";
