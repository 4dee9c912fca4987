-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN "classCode" TEXT;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN "nameKey" TEXT;

-- AlterTable (a column with a constant default: no table rebuild needed)
ALTER TABLE "Submission" ADD COLUMN "late" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RosterEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "email" TEXT,
    "joinTokenHash" TEXT NOT NULL,
    "studentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RosterEntry_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RosterEntry_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoInstructorKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scenarioId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "CoInstructorKey_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "scenarioId" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("scenarioId", "nameKey"),
    CONSTRAINT "DeadlineExtension_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- CreateIndex
CREATE UNIQUE INDEX "RosterEntry_joinTokenHash_key" ON "RosterEntry"("joinTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "RosterEntry_studentId_key" ON "RosterEntry"("studentId");

-- CreateIndex
CREATE INDEX "RosterEntry_scenarioId_createdAt_idx" ON "RosterEntry"("scenarioId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RosterEntry_scenarioId_nameKey_key" ON "RosterEntry"("scenarioId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "CoInstructorKey_keyHash_key" ON "CoInstructorKey"("keyHash");

-- CreateIndex
CREATE INDEX "CoInstructorKey_scenarioId_createdAt_idx" ON "CoInstructorKey"("scenarioId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Student_scenarioId_nameKey_key" ON "Student"("scenarioId", "nameKey");

