-- State that several app instances on one database must share.

-- Generated secrets (the session signing secret when NEXTAUTH_SECRET is not set).
CREATE TABLE "InstanceSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceSecret_pkey" PRIMARY KEY ("name")
);

-- Throttling counters (failed logins per email and address, invalid API tokens per address):
-- one row per key and minute, summed over the window.
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key","minute")
);

CREATE INDEX "RateLimitBucket_minute_idx" ON "RateLimitBucket"("minute");
