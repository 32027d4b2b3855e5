using System.Reflection;
using System.Text.RegularExpressions;
using Normalizer.Channels;
using Normalizer.Testing;

namespace Normalizer.Tests.Architecture;

/// <summary>
/// The core knows no channel (PRODUCT.md §1): it references no assembly of the solution, holds no type of a channel's
/// namespace, and branches on no platform. What differs per channel is declared by the channel plugin
/// (<see cref="IChannel.Ids"/>, <see cref="IChannelSender"/>, <see cref="Normalizer.Identity.IChannelProfiles"/>, <see cref="Normalizer.Identity.IIdMatchingClient"/>).
/// </summary>
public sealed partial class CoreBoundaryTests
{
    // The event model's wire names of the platform field: the only core file that may name a platform.
    private static readonly string[] EventModelFiles = ["Events/PlatformNames.cs"];

    private static readonly Assembly Core = typeof(WebhookNormalizer).Assembly;

    [Fact]
    public void CoreAssembly_ReferencesNoOtherAssemblyOfTheSolution()
    {
        var ours = Core.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Normalizer.", StringComparison.Ordinal));

        Assert.Empty(ours);
    }

    [Fact]
    public void CoreTypes_AreInNoNamespaceOfAChannel()
    {
        var channelNamespaces = Directory.GetFiles(AppContext.BaseDirectory, "Normalizer.Channels.*.dll")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();

        var misplaced = Core.GetTypes().Select(t => t.FullName!)
            .Where(name => channelNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)));

        Assert.NotEmpty(channelNamespaces);
        Assert.Empty(misplaced);
    }

    [Fact]
    public void CoreSource_NamesNoPlatformOutsideTheEventModel()
    {
        var core = Path.Combine(RepoPaths.Root, "src", "Normalizer");

        var found = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Select(path => (File: Path.GetRelativePath(core, path).Replace('\\', '/'), Path: path))
            .Where(f => !f.File.StartsWith("obj/", StringComparison.Ordinal) && !f.File.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => !EventModelFiles.Contains(f.File))
            .SelectMany(f => File.ReadLines(f.Path).Select((line, i) => (f.File, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && NamedPlatform().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}");

        Assert.Empty(found);
    }

    [GeneratedRegex(@"\bPlatform\.(Facebook|Instagram|WhatsApp)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPlatform();
}
