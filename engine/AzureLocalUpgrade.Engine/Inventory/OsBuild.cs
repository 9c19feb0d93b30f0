using System.Globalization;

namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>An OS build as major.revision (20349.3692) with the release it belongs to.</summary>
public readonly record struct OsBuild(int Major, int Revision) : IComparable<OsBuild>
{
    public const int Build22H2 = 20349;
    public const int Build23H2 = 25398;
    public const int Build24H2 = 26100;

    /// <summary>22H2 | 23H2 | 24H2, or "unknown".</summary>
    public string Release => Major switch
    {
        Build22H2 => "22H2",
        Build23H2 => "23H2",
        Build24H2 => "24H2",
        _ => "unknown",
    };

    public static int MajorOf(string release) => release.ToUpperInvariant() switch
    {
        "22H2" => Build22H2,
        "23H2" => Build23H2,
        "24H2" => Build24H2,
        _ => throw new ArgumentOutOfRangeException(nameof(release), release, "Known releases: 22H2, 23H2, 24H2."),
    };

    public static OsBuild Parse(string text)
    {
        var parts = text.Split('.');
        // Accept 20349.3692 and 10.0.20349.3692 (the form [Environment]::OSVersion prints).
        var (major, revision) = parts.Length switch
        {
            1 => (parts[0], "0"),
            2 => (parts[0], parts[1]),
            4 => (parts[2], parts[3]),
            _ => throw new FormatException($"'{text}' is not an OS build (expected e.g. 20349.3692)."),
        };
        return new OsBuild(int.Parse(major, CultureInfo.InvariantCulture), int.Parse(revision, CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string text, out OsBuild build)
    {
        try
        {
            build = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            build = default;
            return false;
        }
        catch (OverflowException)
        {
            build = default;
            return false;
        }
    }

    public int CompareTo(OsBuild other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Revision.CompareTo(other.Revision);

    public static bool operator <(OsBuild a, OsBuild b) => a.CompareTo(b) < 0;
    public static bool operator >(OsBuild a, OsBuild b) => a.CompareTo(b) > 0;
    public static bool operator <=(OsBuild a, OsBuild b) => a.CompareTo(b) <= 0;
    public static bool operator >=(OsBuild a, OsBuild b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Revision}");
}
