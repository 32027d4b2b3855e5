using System.ComponentModel;

namespace Normalizer.Events;

/// <summary>A referral (ad, m.me link, shop, customer chat plugin, WhatsApp click-to-chat ad).</summary>
public sealed record ReferralPart
{
    /// <summary>The ref parameter.</summary>
    [Description("The ref parameter.")]
    public string? Ref { get; init; }

    /// <summary>Source: ADS, SHORTLINK, CUSTOMER_CHAT_PLUGIN…</summary>
    [Description("Source: ADS, SHORTLINK, CUSTOMER_CHAT_PLUGIN…")]
    public string? Source { get; init; }

    /// <summary>Type, e.g. OPEN_THREAD.</summary>
    [Description("Type, e.g. OPEN_THREAD.")]
    public string? Type { get; init; }

    /// <summary>The ad id.</summary>
    [Description("The ad id.")]
    public string? AdId { get; init; }

    /// <summary>URL of the page that referred.</summary>
    [Description("URL of the page that referred.")]
    public string? RefererUri { get; init; }

    /// <summary>Welcome-flow id for ads with a flow.</summary>
    [Description("Welcome-flow id for ads with a flow.")]
    public string? FlowId { get; init; }

    /// <summary>WhatsApp: URL of the ad or post.</summary>
    [Description("WhatsApp: URL of the ad or post.")]
    public string? SourceUrl { get; init; }

    /// <summary>WhatsApp: id of the ad or post.</summary>
    [Description("WhatsApp: id of the ad or post.")]
    public string? SourceId { get; init; }

    /// <summary>WhatsApp: ad or post.</summary>
    [Description("WhatsApp: ad or post.")]
    public string? SourceType { get; init; }

    /// <summary>WhatsApp: ad headline.</summary>
    [Description("WhatsApp: ad headline.")]
    public string? Headline { get; init; }

    /// <summary>WhatsApp: ad body.</summary>
    [Description("WhatsApp: ad body.")]
    public string? Body { get; init; }

    /// <summary>WhatsApp: image or video.</summary>
    [Description("WhatsApp: image or video.")]
    public string? MediaType { get; init; }

    /// <summary>WhatsApp: image or video URL of the ad.</summary>
    [Description("WhatsApp: image or video URL of the ad.")]
    public string? MediaUrl { get; init; }

    /// <summary>WhatsApp: click id of a click-to-WhatsApp ad.</summary>
    [Description("WhatsApp: click id of a click-to-WhatsApp ad.")]
    public string? CtwaClid { get; init; }

    /// <summary>Ads context: the ad's title.</summary>
    [Description("Ads context (ads_context_data.ad_title): the ad's title.")]
    public string? AdTitle { get; init; }

    /// <summary>Ads context: URL of the ad's image.</summary>
    [Description("Ads context (ads_context_data.photo_url): URL of the ad's image.")]
    public string? PhotoUrl { get; init; }

    /// <summary>Ads context: URL of the ad's video thumbnail.</summary>
    [Description("Ads context (ads_context_data.video_url): URL of the ad's video thumbnail.")]
    public string? VideoUrl { get; init; }

    /// <summary>Ads context: the ad's post id.</summary>
    [Description("Ads context (ads_context_data.post_id): the post behind the ad.")]
    public string? PostId { get; init; }

    /// <summary>Ads context: the product the ad shows.</summary>
    [Description("Ads context (ads_context_data.product_id): the product the ad shows.")]
    public string? ProductId { get; init; }
}
