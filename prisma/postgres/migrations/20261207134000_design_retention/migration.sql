-- AlterTable
ALTER TABLE "Design" ADD COLUMN     "lastViewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Design_lastViewedAt_idx" ON "Design"("lastViewedAt");

