namespace SmartCustoms.Cli.Hosting;

/// <summary>What scripts can rely on: 1 means the input was looked at and found wanting, 2 that it could not be looked at.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
