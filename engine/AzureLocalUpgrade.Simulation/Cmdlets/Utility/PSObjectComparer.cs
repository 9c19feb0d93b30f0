using System.Globalization;
using System.Management.Automation;

namespace AzureLocalUpgrade.Simulation.Cmdlets.Utility;

/// <summary>
/// Equality as -Unique sees it: objects of the same shape whose property values are equal (PowerShell's
/// case-insensitive comparison); plain values by LanguagePrimitives.Equals.
/// </summary>
internal sealed class PSObjectComparer : IEqualityComparer<PSObject>
{
    public static readonly PSObjectComparer Instance = new();

    public bool Equals(PSObject? x, PSObject? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        if (IsPlain(x) || IsPlain(y))
        {
            return LanguagePrimitives.Equals(x.BaseObject, y.BaseObject, ignoreCase: true, CultureInfo.CurrentCulture);
        }

        var left = x.Properties.ToList();
        var right = y.Properties.ToList();
        return left.Count == right.Count && left.Zip(right).All(p =>
            string.Equals(p.First.Name, p.Second.Name, StringComparison.OrdinalIgnoreCase)
            && LanguagePrimitives.Equals(p.First.Value, p.Second.Value, ignoreCase: true, CultureInfo.CurrentCulture));
    }

    /// <summary>Hashes only the shape; equal objects always share it, and Equals settles the rest.</summary>
    public int GetHashCode(PSObject obj) =>
        IsPlain(obj) ? 0 : obj.Properties.Count();

    private static bool IsPlain(PSObject o) => o.BaseObject is string or ValueType;
}
