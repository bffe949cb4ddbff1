using System.Globalization;
using System.Security.Cryptography;

namespace SmartCustoms.Server.Hosting;

/// <summary>
/// This server process among the node's servers: the holder named on the job leases and outbox claims it takes.
/// Random as well as named, because two servers may share a host and a process id (two nodes in one test process).
/// </summary>
public sealed class ServerInstance
{
    public string Id { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
}
