using System.Security.Claims;
using SmartCustoms.Domain.Access;

namespace SmartCustoms.Server.Access;

/// <summary>Who is calling, as read from the authenticated principal.</summary>
public sealed record Caller(string KeyId, Role Role, string? PartyId)
{
    public const string PartyClaim = "smartcustoms:party";

    public bool IsTrader => Role == Role.Trader;

    /// <summary>Traders see only their own declarations; every other role sees all.</summary>
    public bool CanSee(string declarantId) => !IsTrader || string.Equals(PartyId, declarantId, StringComparison.Ordinal);

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Unauthenticated caller.");
        var role = Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("Caller without role."), ignoreCase: true);
        return new Caller(id, role, user.FindFirstValue(PartyClaim));
    }
}

public static class Roles
{
    public const string Trader = "trader";
    public const string Officer = "officer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
    public const string Carrier = "carrier";

    public static string Name(Role role) => role switch
    {
        Role.Trader => Trader,
        Role.Officer => Officer,
        Role.Analyst => Analyst,
        Role.Admin => Admin,
        Role.Carrier => Carrier,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
