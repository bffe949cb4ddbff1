using System.Linq.Expressions;

namespace SmartCustoms.Domain.Risk;

/// <summary>The index of the first item from <paramref name="start"/> that satisfies a condition, or -1.</summary>
internal delegate int ItemScan(RiskSubject subject, int start);

/// <summary>The variables condition expressions are written over, and their compilation.</summary>
internal static class Conditions
{
    public static readonly ParameterExpression Subject = Expression.Parameter(typeof(RiskSubject), "subject");
    public static readonly ParameterExpression Item = Expression.Variable(typeof(RiskItem), "item");

    private static readonly Expression<Func<RiskSubject, RiskItem[]>> Items = s => s.ItemArray;

    public static Func<RiskSubject, bool> CompileDeclaration(Expression body) =>
        Expression.Lambda<Func<RiskSubject, bool>>(body, Subject).Compile();

    /// <summary>
    /// Compiles the loop over items together with the condition, so that scanning a declaration costs one call
    /// and each item is loaded once whatever the number of fields read from it.
    /// </summary>
    public static ItemScan CompileScan(Expression body)
    {
        var start = Expression.Parameter(typeof(int), "start");
        var items = Expression.Variable(typeof(RiskItem[]), "items");
        var i = Expression.Variable(typeof(int), "i");
        var done = Expression.Label(typeof(int), "done");
        var scan = Expression.Block(
            [items, i, Item],
            Expression.Assign(items, Expression.Invoke(Items, Subject)),
            Expression.Assign(i, start),
            Expression.Loop(
                Expression.Block(
                    Expression.IfThen(Expression.GreaterThanOrEqual(i, Expression.ArrayLength(items)), Expression.Break(done, Expression.Constant(-1))),
                    Expression.Assign(Item, Expression.ArrayIndex(items, i)),
                    Expression.IfThen(body, Expression.Break(done, i)),
                    Expression.PreIncrementAssign(i)),
                done));
        return Expression.Lambda<ItemScan>(scan, Subject, start).Compile();
    }
}

/// <summary>
/// A condition node as an expression, compiled whole so that field reads and comparisons are inlined into one
/// method per criterion. <see cref="Chapters"/> is a necessary condition (some item's HS chapter
/// must be in it) that lets a criterion set skip whole criteria with one AND. At the root of an <c>all</c> that
/// mixes declaration and item fields, <see cref="DeclarationPart"/> is tested once before <see cref="ItemPart"/>
/// is tested per item. <see cref="Keys"/> are necessary conditions on text fields, which the criteria index uses
/// the way it uses <see cref="Chapters"/>.
/// </summary>
internal sealed record CompiledCondition(Expression Body, bool UsesItem, UInt128 Chapters)
{
    public Expression? DeclarationPart { get; init; }
    public Expression? ItemPart { get; init; }
    public IReadOnlyList<FieldKey> Keys { get; init; } = [];

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
            Keys = FieldKey.All(children.Select(c => c.Keys)),
        };
    }

    public static CompiledCondition Any(IReadOnlyList<CompiledCondition> children)
    {
        UInt128 chapters = 0;
        foreach (var child in children)
        {
            chapters |= child.Chapters;
        }

        return new CompiledCondition(Chain([.. children.Select(c => c.Body)], Expression.OrElse), children.Any(c => c.UsesItem), chapters)
        {
            Keys = FieldKey.Any([.. children.Select(c => c.Keys)]),
        };
    }

    // Neither the chapters nor the keys of the inner condition say anything about its negation.
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
