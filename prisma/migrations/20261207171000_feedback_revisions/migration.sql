-- CreateTable
CREATE TABLE "SubmissionFeedback" (
    "submissionId" TEXT NOT NULL PRIMARY KEY,
    "scenarioId" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "adjustment" REAL NOT NULL DEFAULT 0,
    "adjustmentReason" TEXT NOT NULL DEFAULT '',
    "rubricPoints" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SubmissionFeedback_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioId" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "regrade" BOOLEAN NOT NULL DEFAULT false,
    "regradeTotal" INTEGER NOT NULL DEFAULT 0,
    "regradeDone" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScenarioRevision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubmissionRegrade" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "oldScore" REAL NOT NULL,
    "newScore" REAL NOT NULL,
    "oldPassed" BOOLEAN NOT NULL,
    "newPassed" BOOLEAN NOT NULL,
    "flipped" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SubmissionRegrade_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubmissionRegrade_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ScenarioRevision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (columns added in place, not by redefining the table, so that
-- other migrations' columns on Scenario are kept whatever order they run in)
ALTER TABLE "Scenario" ADD COLUMN "feedbackReleased" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Scenario" ADD COLUMN "archivedAt" DATETIME;

-- CreateIndex
CREATE INDEX "SubmissionFeedback_scenarioId_idx" ON "SubmissionFeedback"("scenarioId");

-- CreateIndex
CREATE INDEX "ScenarioRevision_scenarioId_createdAt_idx" ON "ScenarioRevision"("scenarioId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionRegrade_scenarioId_idx" ON "SubmissionRegrade"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRegrade_submissionId_revisionId_key" ON "SubmissionRegrade"("submissionId", "revisionId");

