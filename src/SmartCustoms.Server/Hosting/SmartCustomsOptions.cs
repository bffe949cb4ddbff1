namespace SmartCustoms.Server.Hosting;

/// <summary>The <c>SmartCustoms</c> configuration section.</summary>
public sealed class SmartCustomsOptions
{
    public const string Section = "SmartCustoms";

    /// <summary>Two-letter code of the administration running this node; it starts every MRN.</summary>
    public string NodeId { get; set; } = "XX";

    /// <summary>Where the embedded database and the node's files live.</summary>
    public string DataDirectory { get; set; } = "data";

    public StorageSection Storage { get; set; } = new();

    /// <summary>An admin key to create at start (for scripts); when unset and no admin exists, one is generated and printed once.</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>When true, a container number with a wrong ISO 6346 check digit is refused instead of flagged.</summary>
    public bool StrictContainerNumbers { get; set; }

    /// <summary>Allowed difference between invoice amount and item prices, in percent.</summary>
    public decimal InvoiceTolerancePercent { get; set; } = 1m;

    public LimitsSection Limits { get; set; } = new();

    public RateLimitsSection RateLimits { get; set; } = new();

    public RiskSection Risk { get; set; } = new();

    public ExchangeSection Exchange { get; set; } = new();

    public StatisticsSection Statistics { get; set; } = new();

    public SecretsSection Secrets { get; set; } = new();

    /// <summary>How the node's secrets (exchange signing keys, portal keys) are encrypted in the database.</summary>
    public sealed class SecretsSection
    {
        /// <summary>
        /// 32 bytes in base64 (e.g. <c>openssl rand -base64 32</c>), the same on every server of the node; usually given as the
        /// environment variable <c>SmartCustoms__Secrets__Key</c>. Unset: a key file made in the data folder (one server only).
        /// </summary>
        public string? Key { get; set; }
    }

    public HealthSection Health { get; set; } = new();

    public PostalSection Postal { get; set; } = new();

    public sealed class PostalSection
    {
        /// <summary>Items one batch may hold.</summary>
        public int MaxBatchItems { get; set; } = 10_000;

        /// <summary>Bytes one batch may take: 10,000 items of about 3 KiB of JSON each, with room.</summary>
        public int MaxBatchBytes { get; set; } = 48 * 1024 * 1024;

        /// <summary>The period over which one recipient's items are summed to find a split shipment.</summary>
        public TimeSpan SplitWindow { get; set; } = TimeSpan.FromDays(1);

        /// <summary>The sum above which a split shipment is suspected, in the tariff's currency; unset: the tariff's de minimis.</summary>
        public decimal? SplitThreshold { get; set; }

        /// <summary>The ceiling of IOSS consignments in the tariff's currency (EUR 150 in the EU); unset: the tariff's de minimis.</summary>
        public decimal? IossCeiling { get; set; }
    }

    public TelemetrySection Telemetry { get; set; } = new();

    public sealed class HealthSection
    {
        /// <summary>Readiness fails when the data folder's disk has less free space than this, in bytes.</summary>
        public long MinFreeDiskBytes { get; set; } = 256L * 1024 * 1024;
    }

    public sealed class TelemetrySection
    {
        /// <summary>OTLP collector to export traces and metrics to; unset: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, and without either nothing is exported.</summary>
        public string? OtlpEndpoint { get; set; }
    }

    public sealed class StatisticsSection
    {
        /// <summary>Fewest distinct declarants a cell of the public statistics needs to be shown, so that no single trader can be recognised.</summary>
        public int MinTraders { get; set; } = 5;
    }

    /// <summary>Node-to-node exchange: how this node presents itself, what its inbox accepts, how its outbox retries.</summary>
    public sealed class ExchangeSection
    {
        /// <summary>The URL partners reach this node at, published in its node card; unset: the URL the card was asked at.</summary>
        public string? BaseUrl { get; set; }

        /// <summary>How long a signing key keeps verifying after a rotation replaced it.</summary>
        public TimeSpan KeyGracePeriod { get; set; } = TimeSpan.FromDays(7);

        /// <summary>Largest message accepted at the inbox, in bytes.</summary>
        public int MaxMessageBytes { get; set; } = 1024 * 1024;

        /// <summary>A message signed longer ago than this is refused as stale.</summary>
        public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>A message dated further ahead of this node's clock than this is refused.</summary>
        public TimeSpan MaxClockAhead { get; set; } = TimeSpan.FromMinutes(1);

        /// <summary>Wait after a first failed delivery; doubled at each further failure up to <see cref="RetryMax"/>.</summary>
        public TimeSpan RetryInitial { get; set; } = TimeSpan.FromSeconds(2);

        public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How often the outbox is looked at when nothing wakes it (messages queued by another server).</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>
        /// How long a server's claim on the messages it is delivering lasts; renewed while it delivers, so that a crashed
        /// server's messages are sent by another within about this long.
        /// </summary>
        public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How long one delivery waits for the partner's answer.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Tolerances and weights of the mirror checks and partner control checks applied to imports.</summary>
        public Domain.Exchange.PartnerCheckSettings Checks { get; set; } = new();
    }

    public sealed class StorageSection
    {
        /// <summary><c>sqlite</c> (default) or <c>postgres</c> (with <c>ConnectionStrings:SmartCustoms</c>).</summary>
        public string Provider { get; set; } = "sqlite";

        /// <summary>SQLite only: the most the database file may grow to, in bytes; unset: as much as the disk holds.</summary>
        public long? MaxDatabaseBytes { get; set; }
    }

    public sealed class RiskSection
    {
        /// <summary>Release green- and blue-lane declarations at lodging (the goods go now; blue ones may be audited later).</summary>
        public bool AutoRelease { get; set; } = true;

        /// <summary>Load the shipped example criteria and lane settings at first start (when the node has none), as the demo tariff is.</summary>
        public bool LoadExamples { get; set; } = true;

        /// <summary>How often a server re-reads criteria, lane settings and the offices' recent scores written by other servers.</summary>
        public int RefreshSeconds { get; set; } = 5;

        /// <summary>A declarant with fewer earlier declarations than this at the node is a new trader for the criteria.</summary>
        public int NewTraderBelow { get; set; } = 3;

        /// <summary>Observations of an HS subheading's value per kg needed before its median serves as reference price.</summary>
        public int MinPriceObservations { get; set; } = 20;

        /// <summary>How many of the latest item prices the reference prices are computed from.</summary>
        public int PriceSample { get; set; } = 50_000;

        /// <summary>Points the active fraud model adds at probability 1, on the criteria's weight scale.</summary>
        public decimal ModelWeight { get; set; } = 100m;

        /// <summary>Inspected declarations needed before the node trains a model on its own results.</summary>
        public int MinTrainingExamples { get; set; } = 200;

        /// <summary>The most recent inspected declarations a training reads.</summary>
        public int MaxTrainingExamples { get; set; } = 200_000;

        /// <summary>Retrain from the node's inspection results this often (e.g. <c>7.00:00:00</c>); unset: only on demand.</summary>
        public TimeSpan? RetrainEvery { get; set; }
    }

    public sealed class LimitsSection
    {
        /// <summary>Largest body of an endpoint that does not say it takes more (reasons, keys, partners, alerts...), in bytes.</summary>
        public int MaxBodyBytes { get; set; } = 64 * 1024;

        /// <summary>Largest declaration body accepted, in bytes.</summary>
        public int MaxDeclarationBytes { get; set; } = 1024 * 1024;

        /// <summary>Largest tariff schedule accepted, in bytes.</summary>
        public int MaxTariffBytes { get; set; } = 8 * 1024 * 1024;

        /// <summary>Largest inspection result accepted with its evidence files (photos, documents), in bytes.</summary>
        public int MaxEvidenceBytes { get; set; } = 25 * 1024 * 1024;

        /// <summary>Largest model file accepted by <c>POST /api/models</c>, in bytes.</summary>
        public int MaxModelBytes { get; set; } = 64 * 1024 * 1024;
    }
}
