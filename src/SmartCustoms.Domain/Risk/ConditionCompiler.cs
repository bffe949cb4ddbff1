using System.Globalization;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>Checks the shape of a condition tree and compiles it bottom-up, reporting faults with JSON Pointers.</summary>
internal static class ConditionCompiler
{
    public static CompiledCondition? Compile(Condition? node, string pointer, List<Issue> errors)
    {
        if (node is null)
        {
            errors.Add(new("node.shape", "A condition cannot be null: write one of all, any, not or field.", pointer));
            return null;
        }

        string?[] parts = [node.All is null ? null : "all", node.Any is null ? null : "any", node.Not is null ? null : "not", node.Field is null ? null : "field"];
        var kinds = parts.OfType<string>().ToList();

        if (kinds.Count == 0)
        {
            errors.Add(new("node.shape", "A condition needs exactly one of all, any, not or field; this one has none.", pointer));
            return null;
        }

        if (kinds.Count > 1)
        {
            errors.Add(new("node.shape", $"A condition is exactly one of all, any, not or field; this one has {string.Join(" and ", kinds)}. Nest them instead.", pointer));
        }

        if (node.Field is null)
        {
            Stray(node, pointer, errors);
        }

        // Compile every part even of a misshapen node, so that faults deeper down are reported in the same pass.
        var all = node.All is null ? null : Group(node.All, pointer + "/all", errors, CompiledCondition.All);
        var any = node.Any is null ? null : Group(node.Any, pointer + "/any", errors, CompiledCondition.Any);
        var not = node.Not is null ? null : Compile(node.Not, pointer + "/not", errors);
        var leaf = node.Field is null ? null : LeafCompiler.Compile(node, pointer, errors);
        if (kinds.Count > 1)
        {
            return null;
        }

        return all ?? any ?? (not is null ? leaf : CompiledCondition.Not(not));
    }

    private static CompiledCondition? Group(IReadOnlyList<Condition> children, string pointer, List<Issue> errors,
        Func<IReadOnlyList<CompiledCondition>, CompiledCondition> combine)
    {
        if (children.Count == 0)
        {
            errors.Add(new("node.empty", $"'{pointer[(pointer.LastIndexOf('/') + 1)..]}' needs at least one condition.", pointer));
            return null;
        }

        var compiled = new List<CompiledCondition>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            if (Compile(children[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), errors) is { } child)
            {
                compiled.Add(child);
            }
        }

        return compiled.Count == children.Count ? combine(compiled) : null;
    }

    private static void Stray(Condition node, string pointer, List<Issue> errors)
    {
        if (node.Op is not null)
        {
            errors.Add(new("node.shape", "op belongs with a field.", pointer + "/op"));
        }

        if (node.Value is not null)
        {
            errors.Add(new("node.shape", "value belongs with a field.", pointer + "/value"));
        }

        if (node.Values is not null)
        {
            errors.Add(new("node.shape", "values belong with a field.", pointer + "/values"));
        }
    }
}
