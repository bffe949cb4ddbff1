using System.Linq.Expressions;

namespace SmartCustoms.Domain.Risk;

/// <summary>A compiled condition over a subject and, for item fields, one item (index; -1 when no item field is read).</summary>
internal delegate bool RiskTest(RiskSubject subject, int item);

/// <summary>The parameters every condition expression is written over.</summary>
internal static class Conditions
{
    public static readonly ParameterExpression Subject = Expression.Parameter(typeof(RiskSubject), "subject");
    public static readonly ParameterExpression Item = Expression.Parameter(typeof(int), "item");

    public static RiskTest Compile(Expression body) => Expression.Lambda<RiskTest>(body, Subject, Item).Compile();
}

/// <summary>
/// A condition node as an expression, compiled whole so that a criterion costs one delegate call per item with its
/// field reads and comparisons inlined. <see cref="Chapters"/> is a necessary condition (some item's HS chapter
/// must be in it) that lets a criterion set skip whole criteria with one AND. At the root of an <c>all</c> that
/// mixes declaration and item fields, <see cref="DeclarationPart"/> is tested once before <see cref="ItemPart"/>
/// is tested per item.
/// </summary>
internal sealed record CompiledCondition(Expression Body, bool UsesItem, UInt128 Chapters)
{
    public Expression? DeclarationPart { get; init; }
    public Expression? ItemPart { get; init; }

    public static CompiledCondition All(IReadOnlyList<CompiledCondition> children)
    {
        // Declaration facts first: they are read once per criterion, and a false one ends the conjunction early.
        var declaration = children.Where(c => !c.UsesItem).Select(c => c.Body).ToArray();
        var item = children.Where(c => c.UsesItem).Select(c => c.Body).ToArray();
        var chapters = HsChapters.Any;
        foreach (var child in children)
        {
            chapters &= child.Chapters;
        }

        var mixed = declaration.Length > 0 && item.Length > 0;
        return new CompiledCondition(Chain([.. declaration, .. item], Expression.AndAlso), item.Length > 0, chapters)
        {
            DeclarationPart = mixed ? Chain(declaration, Expression.AndAlso) : null,
            ItemPart = mixed ? Chain(item, Expression.AndAlso) : null,
        };
    }

    public static CompiledCondition Any(IReadOnlyList<CompiledCondition> children)
    {
        UInt128 chapters = 0;
        foreach (var child in children)
        {
            chapters |= child.Chapters;
        }

        return new CompiledCondition(Chain([.. children.Select(c => c.Body)], Expression.OrElse), children.Any(c => c.UsesItem), chapters);
    }

    public static CompiledCondition Not(CompiledCondition inner) => new(Expression.Not(inner.Body), inner.UsesItem, HsChapters.Any);

    private static Expression Chain(Expression[] parts, Func<Expression, Expression, BinaryExpression> join)
    {
        var result = parts[0];
        for (var i = 1; i < parts.Length; i++)
        {
            result = join(result, parts[i]);
        }

        return result;
    }
}
