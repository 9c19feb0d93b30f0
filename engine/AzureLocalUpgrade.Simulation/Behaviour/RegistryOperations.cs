using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>A node's registry as PowerShell's registry provider behaves: keys must exist before values are set.</summary>
internal static class RegistryOperations
{
    /// <summary>A key exists when it was created or when a key below it exists (ancestors are implicit).</summary>
    public static bool KeyExists(NodeState node, string path) =>
        path == @"HKLM:\"
        || node.Registry.Exists(k => string.Equals(k.Path, path, StringComparison.OrdinalIgnoreCase)
            || k.Path.StartsWith(path + "\\", StringComparison.OrdinalIgnoreCase));

    public static void CreateKey(NodeState node, string path, bool force)
    {
        if (KeyExists(node, path))
        {
            if (force)
            {
                return;
            }

            throw new SimulationException(
                "System.IO.IOException,Microsoft.PowerShell.Commands.NewItemCommand",
                ErrorCategory.ResourceExists,
                $"A key at this path already exists: {path}");
        }

        var parent = RegistryPaths.Parent(path);
        if (parent is not null && !KeyExists(node, parent) && !force)
        {
            throw new SimulationException(
                "PathNotFound,Microsoft.PowerShell.Commands.NewItemCommand",
                ErrorCategory.ObjectNotFound,
                $"Cannot find path '{parent}' because it does not exist.");
        }

        node.Registry.Add(new RegistryKeyState { Path = path });
    }

    public static RegistryKeyState RequireKey(NodeState node, string path, string command)
    {
        var key = node.FindKey(path);
        if (key is not null)
        {
            return key;
        }

        if (KeyExists(node, path))
        {
            // An implicit ancestor key: materialise it so values can be stored.
            key = new RegistryKeyState { Path = path };
            node.Registry.Add(key);
            return key;
        }

        throw new SimulationException(
            $"PathNotFound,Microsoft.PowerShell.Commands.{command}",
            ErrorCategory.ObjectNotFound,
            $"Cannot find path '{path}' because it does not exist.");
    }

    /// <summary>Set-ItemProperty: the key must exist; the value is created when missing.</summary>
    public static void SetValue(NodeState node, string path, string name, object value, string? type)
    {
        var key = RequireKey(node, path, "SetItemPropertyCommand");
        var existing = key.Find(name);
        if (existing is null)
        {
            existing = new RegistryValueState { Name = name };
            key.Values.Add(existing);
        }

        Assign(existing, value, type ?? existing.Kind);
        TrackRefsToggle(node, path, name, existing);
    }

    /// <summary>New-ItemProperty: fails when the value exists, unless -Force.</summary>
    public static void NewValue(NodeState node, string path, string name, object value, string? type, bool force)
    {
        var key = RequireKey(node, path, "NewItemPropertyCommand");
        var existing = key.Find(name);
        if (existing is not null && !force)
        {
            throw new SimulationException(
                "System.IO.IOException,Microsoft.PowerShell.Commands.NewItemPropertyCommand",
                ErrorCategory.ResourceExists,
                $"The property {name} already exists at {path}. Use -Force to overwrite it, or Set-ItemProperty to change it.");
        }

        if (existing is null)
        {
            existing = new RegistryValueState { Name = name };
            key.Values.Add(existing);
        }

        Assign(existing, value, type ?? "String");
        TrackRefsToggle(node, path, name, existing);
    }

    private static void Assign(RegistryValueState target, object value, string type)
    {
        var kind = type.ToUpperInvariant() switch
        {
            "DWORD" => "DWord",
            "QWORD" => "QWord",
            _ => "String",
        };
        target.Kind = kind;
        if (kind == "String")
        {
            target.Text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        try
        {
            target.Number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new SimulationException("InvalidRegistryValue", ErrorCategory.InvalidArgument, $"'{value}' is not a number, so it cannot be stored as {kind}.");
        }
    }

    /// <summary>The refs-key-overridden fault clears only when the key is set to 1 and then to 0.</summary>
    private static void TrackRefsToggle(NodeState node, string path, string name, RegistryValueState value)
    {
        if (!node.RefsVolumesBlocked
            || !string.Equals(path, RegistryPaths.FileSystem, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(name, RegistryPaths.RefsMetadataValidation, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (value.Number == 1)
        {
            node.RefsToggleArmed = true;
        }
        else if (value.Number == 0 && node.RefsToggleArmed)
        {
            node.RefsVolumesBlocked = false;
            node.RefsToggleArmed = false;
        }
    }
}
