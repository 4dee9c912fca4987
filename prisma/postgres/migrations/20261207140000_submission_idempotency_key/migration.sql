-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Submission_studentId_idempotencyKey_key" ON "Submission"("studentId", "idempotencyKey");

