using System.Reflection;
using System.Runtime.CompilerServices;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Server.Tests.Hosting;

/// <summary>
/// One error vocabulary: a fault in what a user sent is the Domain's <see cref="Issue"/>, and a value-or-refusal is
/// <see cref="Outcome{T}"/>. These rules fail when a public type or method of the node brings back a vocabulary of its own.
/// </summary>
public sealed class ErrorVocabularyTests
{
    private static readonly string[] PointerNames = ["Pointer", "Path", "Field"];

    /// <summary>Still to move to <see cref="Issue"/> and <see cref="Outcome{T}"/>; remove each entry when it does.</summary>
    private static readonly HashSet<string> NotYetConverted = new(StringComparer.Ordinal)
    {
    };

    /// <summary>The public types of the node and of every SmartCustoms assembly it is built from.</summary>
    private static IEnumerable<Type> NodeTypes() =>
        typeof(Program).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name!.StartsWith("SmartCustoms.", StringComparison.Ordinal))
            .Select(Assembly.Load)
            .Append(typeof(Program).Assembly)
            .SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void NoPublicTypeOutsideTheOutcomesIsAnErrorWithAPointer()
    {
        List<string> found = [.. ErrorShapedTypes(NodeTypes()).Except(NotYetConverted, StringComparer.Ordinal)];

        Assert.Empty(found);
    }

    [Fact]
    public void NoPublicMethodReturnsAValueBesideANullableRefusalOrIssue()
    {
        List<string> found = [.. PairReturningMethods(NodeTypes()).Except(NotYetConverted, StringComparer.Ordinal)];

        Assert.Empty(found);
    }

    [Fact]
    public void TheRulesFindWhatTheyForbid()
    {
        Assert.Equal([typeof(ErrorOfItsOwn).FullName!], ErrorShapedTypes([typeof(ErrorOfItsOwn), typeof(Issue), typeof(Refusal), typeof(Pairs)]));
        Assert.Equal(
            [$"{typeof(Pairs).FullName}.{nameof(Pairs.Read)}", $"{typeof(Pairs).FullName}.{nameof(Pairs.ReadAsync)}"],
            PairReturningMethods([typeof(Pairs)]).Order(StringComparer.Ordinal));
    }

    /// <summary>Public types outside <c>SmartCustoms.Domain.Outcomes</c> with Code, Message and a Pointer (or Path, or Field).</summary>
    private static List<string> ErrorShapedTypes(IEnumerable<Type> types) =>
        [.. types
            .Where(t => t.Namespace != typeof(Issue).Namespace)
            .Where(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal) is var names
                && names.Contains("Code") && names.Contains("Message") && PointerNames.Any(names.Contains))
            .Select(t => t.FullName!)];

    /// <summary>Public methods whose result (awaited, for a task) is a tuple holding a nullable <see cref="Refusal"/> or <see cref="Issue"/>.</summary>
    private static List<string> PairReturningMethods(IEnumerable<Type> types)
    {
        var nullability = new NullabilityInfoContext();
        return [.. types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => HoldsNullableRefusal(nullability.Create(m.ReturnParameter)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .Distinct(StringComparer.Ordinal)];
    }

    private static bool HoldsNullableRefusal(NullabilityInfo result)
    {
        var type = result.Type;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return HoldsNullableRefusal(result.GenericTypeArguments[0]);
        }

        return typeof(ITuple).IsAssignableFrom(type) && type.IsValueType
            && result.GenericTypeArguments.Any(e => e.ReadState == NullabilityState.Nullable && (e.Type == typeof(Refusal) || e.Type == typeof(Issue)));
    }

    public sealed record ErrorOfItsOwn(string Code, string Message, string Field);

    public static class Pairs
    {
        public static (string? Value, Issue? Error) Read() => (null, null);

        public static Task<(int Value, Refusal? Refusal)> ReadAsync() => Task.FromResult<(int, Refusal?)>((0, null));

        public static (string Value, Refusal Refusal) Both() => ("", Refusal.EmptyBody());

        public static Outcome<string> Outcome() => "";
    }
}
