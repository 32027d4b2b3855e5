namespace Normalizer.Ids;

/// <summary>An ID with its type tag. Equality includes the tag, so a PSID never equals an IGSID.</summary>
/// <param name="Type">The type tag.</param>
/// <param name="Value">The ID exactly as Meta sent it (digits are never parsed).</param>
public readonly record struct TaggedId(IdType Type, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{IdTypes.ToWire(Type)}:{Value}";
}
