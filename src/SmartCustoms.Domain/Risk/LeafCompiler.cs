using System.Collections.Frozen;
using System.Linq.Expressions;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>Turns one comparison (field, op, value or values) into an expression, or reports why it cannot.</summary>
internal static class LeafCompiler
{
    public static CompiledCondition? Compile(Condition node, string pointer, List<Issue> errors)
    {
        var field = RiskFields.Find(node.Field!);
        if (field is null)
        {
            var known = string.Join(", ", RiskFields.All.Select(f => f.Name));
            errors.Add(new("field.unknown", $"Unknown field '{node.Field}'. Known fields: {known}.", pointer + "/field"));
            return null;
        }

        var ops = RiskFields.Operators(field.Type);
        if (string.IsNullOrWhiteSpace(node.Op))
        {
            errors.Add(new("required", $"op is required: one of {string.Join(", ", ops)}.", pointer + "/op"));
            return null;
        }

        if (!ops.Contains(node.Op, StringComparer.Ordinal))
        {
            errors.Add(new("op.unsupported", $"Operator '{node.Op}' does not apply to {field.Name} ({TypeName(field.Type)}); use one of {string.Join(", ", ops)}.", pointer + "/op"));
            return null;
        }

        var values = new LeafValues(node, pointer, errors);
        var access = Expression.Invoke(field.Accessor, field.ItemScope ? Conditions.Item : Conditions.Subject);
        var test = field.Type switch
        {
            RiskFieldType.String => Strings(access, node.Op, values),
            RiskFieldType.Number => Numbers(access, node.Op, values),
            RiskFieldType.Boolean => Flags(access, node.Op, values),
            _ => Lists(access, node.Op, values),
        };
        if (test is null)
        {
            return null;
        }

        var chapters = field.Name == "hsCode" ? HsChapters.Matching(node.Op, values) : HsChapters.Any;
        return new CompiledCondition(test, field.ItemScope, chapters) { Keys = FieldKey.Of(field, node.Op, values) };
    }

    private static MethodCallExpression? Strings(Expression access, string op, LeafValues values) => op switch
    {
        "eq" when values.String() is { } x => Call(nameof(LeafOps.Eq), access, x),
        "ne" when values.String() is { } x => Call(nameof(LeafOps.Ne), access, x),
        "in" when values.Strings() is { } set => Membership(access, set, inside: true),
        "notIn" when values.Strings() is { } set => Membership(access, set, inside: false),
        "startsWith" when values.OneOrMoreStrings() is { } prefixes => prefixes.Length == 1
            ? Call(nameof(LeafOps.StartsWith), access, prefixes[0])
            : Call(nameof(LeafOps.StartsWithAny), access, prefixes),
        "exists" when values.Presence() is { } present => Call(nameof(LeafOps.Exists), access, present),
        _ => null,
    };

    private static MethodCallExpression? Numbers(Expression access, string op, LeafValues values)
    {
        if (op == "exists")
        {
            return values.Presence() is { } present ? Call(nameof(LeafOps.Exists), access, present) : null;
        }

        if (op == "between")
        {
            return values.Range() is var (low, high)
                ? Expression.Call(typeof(LeafOps), nameof(LeafOps.Between), null, access, Expression.Constant(low), Expression.Constant(high))
                : null;
        }

        if (values.Number() is not { } x)
        {
            return null;
        }

        return op switch
        {
            "eq" => Call(nameof(LeafOps.Eq), access, x),
            "ne" => Call(nameof(LeafOps.Ne), access, x),
            "gt" => Call(nameof(LeafOps.Gt), access, x),
            "gte" => Call(nameof(LeafOps.Gte), access, x),
            "lt" => Call(nameof(LeafOps.Lt), access, x),
            _ => Call(nameof(LeafOps.Lte), access, x),
        };
    }

    private static MethodCallExpression? Flags(Expression access, string op, LeafValues values) => op switch
    {
        "eq" when values.Boolean() is { } x => Call(nameof(LeafOps.Eq), access, x),
        "exists" when values.Presence() is { } present => Call(nameof(LeafOps.Exists), access, present),
        _ => null,
    };

    private static MethodCallExpression? Lists(Expression access, string op, LeafValues values) => op switch
    {
        "contains" when values.String() is { } x => Call(nameof(LeafOps.ContainsAny), access, new[] { x }),
        "containsAny" when values.Strings() is { } set => Call(nameof(LeafOps.ContainsAny), access, set),
        "exists" when values.Presence() is { } present => Call(nameof(LeafOps.Exists), access, present),
        _ => null,
    };

    private static MethodCallExpression Membership(Expression access, string[] set, bool inside)
    {
        if (set.Length <= 8)
        {
            return Call(inside ? nameof(LeafOps.In) : nameof(LeafOps.NotIn), access, set);
        }

        var frozen = Expression.Constant(set.ToFrozenSet(StringComparer.Ordinal), typeof(FrozenSet<string>));
        return Expression.Call(typeof(LeafOps), inside ? nameof(LeafOps.InSet) : nameof(LeafOps.NotInSet), null, access, frozen);
    }

    private static MethodCallExpression Call<T>(string method, Expression access, T argument) =>
        Expression.Call(typeof(LeafOps), method, null, access, Expression.Constant(argument, typeof(T)));

    private static string TypeName(RiskFieldType type) => type switch
    {
        RiskFieldType.String => "a text field",
        RiskFieldType.Number => "a number",
        RiskFieldType.Boolean => "true or false",
        _ => "a list of texts",
    };
}
