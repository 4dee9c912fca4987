-- CreateTable
CREATE TABLE "PairSession" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "interviewerKeyHash" TEXT NOT NULL,
    "candidateTokenHash" TEXT NOT NULL,
    "streamKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "interviewerNotes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PairSession_pkey" PRIMARY KEY ("id")
);

