-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "feedbackReleased" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SubmissionFeedback" (
    "submissionId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "adjustment" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "adjustmentReason" TEXT NOT NULL DEFAULT '',
    "rubricPoints" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionFeedback_pkey" PRIMARY KEY ("submissionId")
);

-- CreateTable
CREATE TABLE "ScenarioRevision" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "regrade" BOOLEAN NOT NULL DEFAULT false,
    "regradeTotal" INTEGER NOT NULL DEFAULT 0,
    "regradeDone" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionRegrade" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "oldScore" DOUBLE PRECISION NOT NULL,
    "newScore" DOUBLE PRECISION NOT NULL,
    "oldPassed" BOOLEAN NOT NULL,
    "newPassed" BOOLEAN NOT NULL,
    "flipped" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionRegrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubmissionFeedback_scenarioId_idx" ON "SubmissionFeedback"("scenarioId");

-- CreateIndex
CREATE INDEX "ScenarioRevision_scenarioId_createdAt_idx" ON "ScenarioRevision"("scenarioId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionRegrade_scenarioId_idx" ON "SubmissionRegrade"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRegrade_submissionId_revisionId_key" ON "SubmissionRegrade"("submissionId", "revisionId");

-- AddForeignKey
ALTER TABLE "SubmissionFeedback" ADD CONSTRAINT "SubmissionFeedback_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioRevision" ADD CONSTRAINT "ScenarioRevision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRegrade" ADD CONSTRAINT "SubmissionRegrade_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRegrade" ADD CONSTRAINT "SubmissionRegrade_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ScenarioRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

