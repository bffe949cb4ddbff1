namespace SmartCustoms.Domain.Risk;

/// <summary>
/// A necessary condition of a criterion on a text field: the declaration's value (declaration field), the value of
/// some item (item field) or some element of the list (list field) is one of <see cref="Values"/>; when
/// <see cref="PrefixLength"/> is above zero, its first <see cref="PrefixLength"/> characters are. A criterion
/// with a key that the declaration does not match cannot hit, so <see cref="CriteriaIndex"/> never visits it.
/// Keys only come from positive, exact, ordinal comparisons (eq, in, startsWith, contains, containsAny and the
/// criterion's offices), never from under a <c>not</c>.
/// </summary>
internal sealed record FieldKey(RiskField Field, string[] Values, int PrefixLength = 0)
{
    /// <summary>The key of one comparison, or none when the operator does not pin the value down.</summary>
    public static FieldKey[] Of(RiskField field, string op, LeafValues values)
    {
        switch (field.Type, op)
        {
            case (RiskFieldType.String, "eq") or (RiskFieldType.StringList, "contains"):
                return values.String() is { } x ? [new FieldKey(field, [x])] : [];
            case (RiskFieldType.String, "in") or (RiskFieldType.StringList, "containsAny"):
                return values.Strings() is { } set ? [new FieldKey(field, set)] : [];
            case (RiskFieldType.String, "startsWith"):
                // Every prefix cut to the shortest: "8471" or "610910" means the first four characters are 8471 or 6109.
                var prefixes = values.OneOrMoreStrings();
                var length = prefixes?.Min(p => p.Length) ?? 0;
                return length > 0 ? [new FieldKey(field, Distinct(prefixes!.Select(p => p[..length])), length)] : [];
            default:
                return [];
        }
    }

    /// <summary>Every child of a conjunction holds, so each child's keys are necessary; of two of one kind, the narrower is kept.</summary>
    public static FieldKey[] All(IEnumerable<IReadOnlyList<FieldKey>> children)
    {
        var byKind = new Dictionary<(string, int), FieldKey>();
        foreach (var key in children.SelectMany(c => c))
        {
            var kind = (key.Field.Name, key.PrefixLength);
            if (!byKind.TryGetValue(kind, out var kept) || key.Values.Length < kept.Values.Length)
            {
                byKind[kind] = key;
            }
        }

        return [.. byKind.Values];
    }

    /// <summary>
    /// One child of a disjunction holds: a field keyed in every child is necessary with the union of their values,
    /// cut to the shortest prefix among them.
    /// </summary>
    public static FieldKey[] Any(IReadOnlyList<IReadOnlyList<FieldKey>> children)
    {
        var keys = new List<FieldKey>();
        foreach (var first in children[0])
        {
            var same = children.Select(c => c.FirstOrDefault(k => k.Field.Name == first.Field.Name)).ToArray();
            if (same.Any(k => k is null))
            {
                continue;
            }

            var prefixed = same.Where(k => k!.PrefixLength > 0).Select(k => k!.PrefixLength).DefaultIfEmpty(0).Min();
            var cut = same.Select(k => k!.Cut(prefixed)).ToArray();
            if (cut.All(k => k is not null))
            {
                keys.Add(new FieldKey(first.Field, Distinct(cut.SelectMany(k => k!.Values)), prefixed));
            }
        }

        return [.. keys];
    }

    /// <summary>The same condition on the first <paramref name="length"/> characters (0: whole values), or null when a value is shorter.</summary>
    private FieldKey? Cut(int length)
    {
        if (length == PrefixLength)
        {
            return this;
        }

        // A whole value shorter than the prefix cannot be written as a prefix of that length: no key.
        return Values.All(v => v.Length >= length) ? new FieldKey(Field, Distinct(Values.Select(v => v[..length])), length) : null;
    }

    private static string[] Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal)];
}
