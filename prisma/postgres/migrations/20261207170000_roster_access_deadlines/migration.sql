-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "classCode" TEXT;

-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "nameKey" TEXT;

-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "late" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RosterEntry" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "email" TEXT,
    "joinTokenHash" TEXT NOT NULL,
    "studentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RosterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoInstructorKey" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CoInstructorKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeadlineExtension" (
    "scenarioId" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadlineExtension_pkey" PRIMARY KEY ("scenarioId","nameKey")
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

-- AddForeignKey
ALTER TABLE "RosterEntry" ADD CONSTRAINT "RosterEntry_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterEntry" ADD CONSTRAINT "RosterEntry_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoInstructorKey" ADD CONSTRAINT "CoInstructorKey_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeadlineExtension" ADD CONSTRAINT "DeadlineExtension_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

