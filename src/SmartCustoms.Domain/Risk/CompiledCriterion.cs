namespace SmartCustoms.Domain.Risk;

/// <summary>A criterion compiled to delegates; immutable and safe to share between threads.</summary>
public sealed class CompiledCriterion
{
    private readonly RiskTest _test;
    private readonly RiskTest? _declarationGate;
    private readonly string[] _offices;
    private readonly int _from;
    private readonly int _to;

    // Declaration-level hits are identical every time, so one instance serves them all without allocating.
    private readonly CriterionHit _declarationHit;

    internal CompiledCriterion(CriterionDocument document, int version, CompiledCondition condition)
    {
        // The item loop only needs the item part when the declaration part is tested once beforehand.
        _test = Conditions.Compile(condition.ItemPart ?? condition.Body);
        _declarationGate = condition.DeclarationPart is { } gate ? Conditions.Compile(gate) : null;
        ItemScope = condition.UsesItem;
        Chapters = condition.Chapters;
        _offices = [.. document.Offices];
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
        if (!ItemScope)
        {
            return _test(subject, -1) ? _declarationHit : null;
        }

        if (_declarationGate is not null && !_declarationGate(subject, -1))
        {
            return null;
        }

        var items = subject.ItemArray;
        var first = 0;
        while (first < items.Length && !_test(subject, first))
        {
            first++;
        }

        if (first == items.Length)
        {
            return null;
        }

        // Declarations carry up to 999 items; the common few fit on the stack, so a hit allocates only its result.
        var remaining = items.Length - first;
        var sequences = remaining <= 64 ? stackalloc int[remaining] : new int[remaining];
        sequences[0] = items[first].Sequence;
        var count = 1;
        for (var i = first + 1; i < items.Length; i++)
        {
            if (_test(subject, i))
            {
                sequences[count++] = items[i].Sequence;
            }
        }

        return new CriterionHit(Id, Version, Name, Weight, MinimumLane, sequences[..count].ToArray());
    }
}
