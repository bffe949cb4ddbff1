namespace SmartCustoms.Domain.Risk;

/// <summary>A criterion compiled to delegates; immutable and safe to share between threads.</summary>
public sealed class CompiledCriterion
{
    private readonly Func<RiskSubject, bool>? _declarationTest;
    private readonly ItemScan? _scan;
    private readonly string[] _offices;
    private readonly int _from;
    private readonly int _to;

    // Declaration-level hits are identical every time, so one instance serves them all without allocating.
    private readonly CriterionHit _declarationHit;

    // Most item hits are one of the first few items: those hits are immutable too, so each is built once, on first use.
    private const int CachedSingleItems = 16;
    private readonly CriterionHit?[] _singleItemHits;

    internal CompiledCriterion(CriterionDocument document, int version, CompiledCondition condition)
    {
        // Declaration facts are tested once, before (and instead of inside) the scan over items.
        _declarationTest = condition.UsesItem
            ? condition.DeclarationPart is { } gate ? Conditions.CompileDeclaration(gate) : null
            : Conditions.CompileDeclaration(condition.Body);
        _scan = condition.UsesItem ? Conditions.CompileScan(condition.ItemPart ?? condition.Body) : null;
        ItemScope = condition.UsesItem;
        Chapters = condition.Chapters;
        _offices = [.. document.Offices];
        Keys = _offices.Length == 0 ? condition.Keys : FieldKey.All([condition.Keys, [new FieldKey(RiskFields.Find("office")!, _offices)]]);
        _from = (document.ValidFrom ?? DateOnly.MinValue).DayNumber;
        _to = (document.ValidTo ?? DateOnly.MaxValue).DayNumber;
        Id = document.Id!;
        Version = version;
        Name = document.Name!;
        Description = document.Description;
        Weight = document.Weight!.Value;
        MinimumLane = document.MinimumLane;
        ValidFrom = document.ValidFrom;
        ValidTo = document.ValidTo;
        _declarationHit = new CriterionHit(Id, Version, Name, Weight, MinimumLane, []);
        _singleItemHits = _scan is null ? [] : new CriterionHit?[CachedSingleItems];
    }

    public string Id { get; }
    public int Version { get; }
    public string Name { get; }
    public string? Description { get; }
    public decimal Weight { get; }
    public Lane? MinimumLane { get; }

    /// <summary>Offices where the criterion applies; empty means every office.</summary>
    public IReadOnlyList<string> Offices => _offices;
    public DateOnly? ValidFrom { get; }
    public DateOnly? ValidTo { get; }

    /// <summary>True when the condition reads item fields: it then hits when one item satisfies the whole condition.</summary>
    public bool ItemScope { get; }

    internal UInt128 Chapters { get; }

    /// <summary>Necessary conditions on text fields, the offices among them: see <see cref="CriteriaIndex"/>.</summary>
    internal IReadOnlyList<FieldKey> Keys { get; }

    /// <summary>In force at this office on this date (validity dates are inclusive).</summary>
    public bool AppliesTo(string office, DateOnly date)
    {
        var day = date.DayNumber;
        return day >= _from && day <= _to && (_offices.Length == 0 || Array.IndexOf(_offices, office) >= 0);
    }

    /// <summary>Tests the condition alone, whatever the office and date; null when it does not hit.</summary>
    public CriterionHit? Evaluate(RiskSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_declarationTest is not null && !_declarationTest(subject))
        {
            return null;
        }

        if (_scan is null)
        {
            return _declarationHit;
        }

        var first = _scan(subject, 0);
        if (first < 0)
        {
            return null;
        }

        var items = subject.ItemArray;
        var second = _scan(subject, first + 1);
        if (second < 0)
        {
            return SingleItemHit(items[first].Sequence);
        }

        // Declarations carry up to 999 items; the common few fit on the stack, so a hit allocates only its result.
        var remaining = items.Length - first;
        var sequences = remaining <= 64 ? stackalloc int[remaining] : new int[remaining];
        sequences[0] = items[first].Sequence;
        var count = 1;
        for (var next = second; next >= 0; next = _scan(subject, next + 1))
        {
            sequences[count++] = items[next].Sequence;
        }

        return new CriterionHit(Id, Version, Name, Weight, MinimumLane, sequences[..count].ToArray());
    }

    private CriterionHit SingleItemHit(int sequence)
    {
        if ((uint)(sequence - 1) >= CachedSingleItems)
        {
            return new CriterionHit(Id, Version, Name, Weight, MinimumLane, new[] { sequence });
        }

        // Shared, so read-only; a race builds two equal hits and keeps one, both correct.
        return _singleItemHits[sequence - 1] ??= new CriterionHit(Id, Version, Name, Weight, MinimumLane, Array.AsReadOnly(new[] { sequence }));
    }
}
