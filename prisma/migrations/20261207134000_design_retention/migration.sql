-- Designs expire when nobody opens them for the retention period
-- (lib/designs.ts). A design saved before this migration starts its period
-- now, written in the format Prisma writes ('…T…+00:00'), so it compares
-- with the app's own timestamps to the millisecond.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Design" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "schemaVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastViewedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Design" ("createdAt", "document", "id", "schemaVersion", "title", "lastViewedAt") SELECT "createdAt", "document", "id", "schemaVersion", "title", strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') FROM "Design";
DROP TABLE "Design";
ALTER TABLE "new_Design" RENAME TO "Design";
CREATE INDEX "Design_lastViewedAt_idx" ON "Design"("lastViewedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
