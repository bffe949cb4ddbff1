namespace SmartCustoms.Server.Risk;

/// <summary>
/// The draws of the random selection, uniform in [0, 1). A service of its own so that an operator's tests (and
/// ours) can make the random sample reproducible.
/// </summary>
public sealed class RiskRandom
{
    private readonly Random _random;

    public RiskRandom()
        : this(Random.Shared)
    {
    }

    public RiskRandom(Random random) => _random = random ?? throw new ArgumentNullException(nameof(random));

    public double Draw()
    {
        // Random.Shared is thread-safe; a seeded Random is not, and a reproducible sequence needs one caller at a time.
        if (ReferenceEquals(_random, Random.Shared))
        {
            return _random.NextDouble();
        }

        lock (_random)
        {
            return _random.NextDouble();
        }
    }
}
