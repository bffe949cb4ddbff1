using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Validation;

/// <summary>
/// Finds <c>null</c> written where a list holds objects (<c>"items": [null]</c>): the serializer accepts it, the rules
/// that read every item would not. Each is refused at its pointer before any rule runs, whatever the list.
/// </summary>
public static class NullElements
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Walked = new();

    public static IReadOnlyList<Issue> Find(object root, JsonNamingPolicy? naming)
    {
        ArgumentNullException.ThrowIfNull(root);
        var issues = new List<Issue>();
        Walk(root, "", naming, issues, depth: 0);
        return issues;
    }

    private static void Walk(object value, string pointer, JsonNamingPolicy? naming, List<Issue> issues, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        foreach (var property in Properties(value.GetType()))
        {
            var child = property.GetValue(value);
            if (child is null)
            {
                continue;
            }

            var name = naming?.ConvertName(property.Name) ?? property.Name;
            if (child is IEnumerable list and not string)
            {
                var index = 0;
                foreach (var element in list)
                {
                    var at = $"{pointer}/{name}/{index++}";
                    if (element is null)
                    {
                        issues.Add(new Issue("required", $"null is not allowed in this list: give {Entry(property.PropertyType)}, or leave the entry out", at));
                    }
                    else if (IsRecord(element.GetType()))
                    {
                        Walk(element, at, naming, issues, depth + 1);
                    }
                }
            }
            else if (IsRecord(child.GetType()))
            {
                Walk(child, $"{pointer}/{name}", naming, issues, depth + 1);
            }
        }
    }

    /// <summary>What an entry of a list of this type is, in words: text for a list of strings, an object otherwise.</summary>
    private static string Entry(Type listType) =>
        (listType.IsArray ? listType.GetElementType() : listType.GetGenericArguments().FirstOrDefault()) == typeof(string) ? "a text" : "an object";

    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("SmartCustoms.", StringComparison.Ordinal) == true;

    private static PropertyInfo[] Properties(Type type) =>
        Walked.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.GetMethod!.IsPublic
                && p.PropertyType != typeof(string) && !p.PropertyType.IsValueType)]);
}
