using System.Text.Json;
using SmartCustoms.Domain.Outcomes;
using SmartCustoms.Domain.Validation;

namespace SmartCustoms.Domain.Risk;

/// <summary>Reads the value or values of one comparison as the operator needs them, reporting every mismatch with its pointer.</summary>
internal sealed class LeafValues(Condition node, string pointer, List<Issue> errors)
{
    public string? String() => Single() ? Text(node.Value!.Value, pointer + "/value") : null;

    public decimal? Number() => Single() ? Decimal(node.Value!.Value, pointer + "/value") : null;

    public bool? Boolean() => Single() ? Flag(node.Value!.Value, pointer + "/value") : null;

    public string[]? Strings() => Many() ? Each(node.Values!, Text) : null;

    /// <summary><c>startsWith</c> takes one prefix as value or several as values.</summary>
    public string[]? OneOrMoreStrings()
    {
        if (node.Value is not null && node.Values is not null)
        {
            errors.Add(new("value.unexpected", $"'{node.Op}' takes value or values, not both.", pointer + "/values"));
            return null;
        }

        if (node.Value is { } single)
        {
            return Text(single, pointer + "/value") is { } text ? [text] : null;
        }

        return Many() ? Each(node.Values!, Text) : null;
    }

    /// <summary><c>between</c>: values [low, high], both included.</summary>
    public (decimal Low, decimal High)? Range()
    {
        if (!Many())
        {
            return null;
        }

        if (node.Values!.Count != 2)
        {
            errors.Add(new("between.invalid", $"'between' needs exactly two numbers [low, high]; got {node.Values.Count}.", pointer + "/values"));
            return null;
        }

        var low = Decimal(node.Values[0], pointer + "/values/0");
        var high = Decimal(node.Values[1], pointer + "/values/1");
        if (low is not { } l || high is not { } h)
        {
            return null;
        }

        if (l > h)
        {
            errors.Add(new("between.invalid", $"'between' needs [low, high] in ascending order; {l} is above {h}.", pointer + "/values"));
            return null;
        }

        return (l, h);
    }

    /// <summary><c>exists</c> tests presence; an optional boolean value false turns it into "is missing".</summary>
    public bool? Presence()
    {
        if (node.Values is not null)
        {
            errors.Add(new("value.unexpected", "'exists' takes no values (an optional value true or false).", pointer + "/values"));
            return null;
        }

        return node.Value is { } value ? Flag(value, pointer + "/value") : true;
    }

    private bool Single()
    {
        if (node.Values is not null)
        {
            errors.Add(new("value.unexpected", $"'{node.Op}' compares with one value; give value, not values.", pointer + "/values"));
            return false;
        }

        if (node.Value is null)
        {
            errors.Add(new("required", $"'{node.Op}' needs a value.", pointer + "/value"));
            return false;
        }

        return true;
    }

    private bool Many()
    {
        if (node.Value is not null)
        {
            errors.Add(new("value.unexpected", $"'{node.Op}' compares with a list; give values, not value.", pointer + "/value"));
            return false;
        }

        if (node.Values is null)
        {
            errors.Add(new("required", $"'{node.Op}' needs values (a JSON array).", pointer + "/values"));
            return false;
        }

        if (node.Values.Count == 0)
        {
            errors.Add(new("value.invalid", $"'{node.Op}' needs at least one value.", pointer + "/values"));
            return false;
        }

        return true;
    }

    private T[]? Each<T>(IReadOnlyList<JsonElement> elements, Func<JsonElement, string, T?> read)
        where T : class
    {
        var result = new T[elements.Count];
        var ok = true;
        for (var i = 0; i < elements.Count; i++)
        {
            var value = read(elements[i], pointer + "/values/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ok &= value is not null;
            result[i] = value!;
        }

        return ok ? result : null;
    }

    private string? Text(JsonElement element, string at)
    {
        if (JsonText.TryGetString(element, out var text))
        {
            return text;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            errors.Add(new(JsonText.Code, "The value's " + JsonText.Message + ".", at));
            return null;
        }

        errors.Add(new("value.invalid", $"Expected a text in quotes, e.g. \"CN\"; got {Kind(element)}.", at));
        return null;
    }

    private decimal? Decimal(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number))
        {
            return number;
        }

        errors.Add(new("value.invalid", $"Expected a number, e.g. 12.5; got {Kind(element)}.", at));
        return null;
    }

    private bool? Flag(JsonElement element, string at)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        errors.Add(new("value.invalid", $"Expected true or false; got {Kind(element)}.", at));
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
