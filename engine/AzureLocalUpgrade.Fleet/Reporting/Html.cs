using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace AzureLocalUpgrade.Fleet.Reporting;

/// <summary>
/// Builds HTML with every value encoded: markup goes through <see cref="Raw"/> (constants only), everything that
/// came from a store, a fleet file or a request through <see cref="Text"/> or <see cref="Attr"/>.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _builder = new(4096);

    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    public Html Text(string? value)
    {
        _builder.Append(HtmlEncoder.Default.Encode(value ?? ""));
        return this;
    }

    public Html Text(long value)
    {
        _builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>An attribute value (quotes included): name="value".</summary>
    public Html Attr(string name, string? value)
    {
        _builder.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? "")).Append('"');
        return this;
    }

    /// <summary>An element with text content: &lt;tag class="..."&gt;text&lt;/tag&gt;.</summary>
    public Html Element(string tag, string? value, string? cssClass = null)
    {
        _builder.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        _builder.Append('>');
        Text(value);
        _builder.Append("</").Append(tag).Append('>');
        return this;
    }

    public Html Link(string href, string? text)
    {
        _builder.Append("<a");
        Attr("href", href);
        _builder.Append('>');
        Text(text);
        _builder.Append("</a>");
        return this;
    }

    public override string ToString() => _builder.ToString();
}
