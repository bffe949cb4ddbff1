using System.Globalization;
using Microsoft.AspNetCore.Html;
using ScottPlot;

namespace SmartCustoms.Server.Portal;

/// <summary>ScottPlot drawings embedded in a page as inline SVG (the portal runs no script).</summary>
public static class SvgChart
{
    /// <summary>The SVG with a viewBox, so that it scales down to a phone's width instead of being cut.</summary>
    public static HtmlString Html(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var svg = plot.GetSvgHtml(width, height);
        if (!svg.Contains("viewBox", StringComparison.Ordinal))
        {
            svg = svg.Replace("<svg ", string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" "), StringComparison.Ordinal);
        }

        // The markup is ScottPlot's own drawing of numbers and of names chosen by the node or checked codes, not free user input.
        return new HtmlString(svg);
    }
}
