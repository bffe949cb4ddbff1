using System.Diagnostics.CodeAnalysis;

namespace SmartCustoms.Domain.Outcomes;

/// <summary>
/// What a use case gives back: its value, or the refusal that says why not — never both, never neither. Read it with
/// <see cref="TryGetValue"/> (the compiler then knows which one is set) or <see cref="Match{TResult}"/>.
/// </summary>
public readonly record struct Outcome<T>
{
    private readonly T? _value;

    internal Outcome(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    /// <summary>Why the use case said no; null when it succeeded.</summary>
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    /// <summary>The value; reading it from a refusal is a bug and throws.</summary>
    public T Value => Refusal is null ? _value! : throw new InvalidOperationException($"The outcome is a refusal ({Refusal.Code}), not a value.");

#pragma warning disable CA2225 // Outcome.Success and Outcome.Refused are the named alternatives of these conversions.
    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));
#pragma warning restore CA2225

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Refusal? refusal)
    {
        value = _value;
        refusal = Refusal;
        return refusal is null;
    }

    public TResult Match<TResult>(Func<T, TResult> success, Func<Refusal, TResult> refused)
    {
        ArgumentNullException.ThrowIfNull(success);
        ArgumentNullException.ThrowIfNull(refused);
        return Refusal is null ? success(_value!) : refused(Refusal);
    }

    public Outcome<TNext> Then<TNext>(Func<T, Outcome<TNext>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Refusal is null ? next(_value!) : Refusal;
    }
}

/// <summary>Names for the conversions, where a target type cannot be inferred.</summary>
public static class Outcome
{
    public static Outcome<T> Success<T>(T value) => value;

    public static Outcome<T> Refused<T>(Refusal refusal) => refusal;
}
