using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SmartCustoms.Domain.Declarations;

namespace SmartCustoms.Domain.Exchange;

/// <summary>
/// Data minimisation: the declaration fields an agreement names, as dotted paths of the canonical JSON
/// (<c>items.hsCode</c>; a list's path reaches into each element), and the stripping of everything else.
/// </summary>
public static class SharedFields
{
    /// <summary>Every path of the canonical declaration, from the model itself so that it cannot drift.</summary>
    public static FrozenSet<string> Known { get; } = Collect(typeof(Declaration), "").ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? path) => path is not null && Known.Contains(path);

    /// <summary>A copy of the declaration holding only the given paths (unknown paths select nothing).</summary>
    public static JsonObject Select(Declaration declaration, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(paths);
        var tree = new PathTree();
        foreach (var path in paths.Where(IsKnown))
        {
            tree.Add(path.Split('.'));
        }

        var full = JsonSerializer.SerializeToNode(declaration, DeclarationJson.Options)!.AsObject();
        return (JsonObject)Keep(full, tree)!;
    }

    private static JsonNode? Keep(JsonNode? node, PathTree tree)
    {
        if (node is null || tree.Whole)
        {
            return node?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj:
                var kept = new JsonObject();
                foreach (var (name, child) in tree.Children)
                {
                    if (obj.TryGetPropertyValue(name, out var value) && value is not null)
                    {
                        kept[name] = Keep(value, child);
                    }
                }

                return kept;
            case JsonArray array:
                return new JsonArray([.. array.Select(element => Keep(element, tree))]);
            default:
                // A scalar where the path wanted an object: the path is longer than the data.
                return null;
        }
    }

    private sealed class PathTree
    {
        public Dictionary<string, PathTree> Children { get; } = new(StringComparer.Ordinal);

        /// <summary>The whole subtree is shared: a path ended here.</summary>
        public bool Whole { get; private set; }

        public void Add(ReadOnlySpan<string> segments)
        {
            if (segments.IsEmpty)
            {
                Whole = true;
                return;
            }

            if (!Children.TryGetValue(segments[0], out var child))
            {
                child = new PathTree();
                Children[segments[0]] = child;
            }

            child.Add(segments[1..]);
        }
    }

    private static IEnumerable<string> Collect(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            yield return path;
            var inner = ElementType(property.PropertyType);
            if (inner.Namespace == typeof(Declaration).Namespace && inner.IsClass)
            {
                foreach (var nested in Collect(inner, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static Type ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0]
        : Nullable.GetUnderlyingType(type) ?? type;
}
