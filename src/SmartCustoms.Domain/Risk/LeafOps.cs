using System.Collections.Frozen;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// The comparisons compiled criteria call, one static method per operator so that the JIT can inline them into
/// the criterion. A missing fact (null) never satisfies a comparison; only <c>exists</c> tests for it.
/// </summary>
internal static class LeafOps
{
    public static bool Eq(string? v, string x) => string.Equals(v, x, StringComparison.Ordinal);

    public static bool Ne(string? v, string x) => v is not null && !string.Equals(v, x, StringComparison.Ordinal);

    // Short lists are scanned: for the handful of codes criteria usually name that beats hashing.
    public static bool In(string? v, string[] set) => v is not null && Array.IndexOf(set, v) >= 0;

    public static bool NotIn(string? v, string[] set) => v is not null && Array.IndexOf(set, v) < 0;

    public static bool InSet(string? v, FrozenSet<string> set) => v is not null && set.Contains(v);

    public static bool NotInSet(string? v, FrozenSet<string> set) => v is not null && !set.Contains(v);

    public static bool StartsWith(string? v, string prefix) => v is not null && v.StartsWith(prefix, StringComparison.Ordinal);

    public static bool StartsWithAny(string? v, string[] prefixes)
    {
        if (v is null)
        {
            return false;
        }

        foreach (var prefix in prefixes)
        {
            if (v.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Exists(string? v, bool present) => string.IsNullOrEmpty(v) != present;

    public static bool Eq(decimal? v, decimal x) => v is { } n && n == x;

    public static bool Ne(decimal? v, decimal x) => v is { } n && n != x;

    public static bool Gt(decimal? v, decimal x) => v is { } n && n > x;

    public static bool Gte(decimal? v, decimal x) => v is { } n && n >= x;

    public static bool Lt(decimal? v, decimal x) => v is { } n && n < x;

    public static bool Lte(decimal? v, decimal x) => v is { } n && n <= x;

    public static bool Between(decimal? v, decimal low, decimal high) => v is { } n && n >= low && n <= high;

    public static bool Exists(decimal? v, bool present) => v.HasValue == present;

    public static bool Eq(bool? v, bool x) => v == x;

    public static bool Exists(bool? v, bool present) => v.HasValue == present;

    public static bool ContainsAny(IReadOnlyList<string> list, string[] wanted)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (Array.IndexOf(wanted, list[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Exists(IReadOnlyList<string> list, bool present) => list.Count > 0 == present;
}
