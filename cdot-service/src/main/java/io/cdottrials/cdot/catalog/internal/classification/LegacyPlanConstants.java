package io.cdottrials.cdot.catalog.internal.classification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rate plan ids of the bundled demo catalog, hard-coded the way CustomersDot's
 * {@code Plan} class does today: one constant per Zuora rate plan id, hand-maintained
 * groups of them, and one set per classification name. This is the "before" of the
 * plan-management design: the legacy classifier answers from {@link #BY_CLASSIFICATION},
 * the reconciliation report compares it with the classification resolved from Zuora
 * custom fields, and the backfill writes it into those custom fields.
 * <p>
 * Like the real constants, these are out of date in a few places on purpose, so the
 * reconciliation report has something to find (docs/demo-catalog.md lists each
 * disagreement): the GitLab Duo with Amazon Q plans and the GitLab.com Ultimate 2-year
 * plan were never added, the deprecated 2022-price GitLab.com Premium plan is still
 * listed as self-service, and the Self-Managed Ultimate strategic bundle is listed as
 * Ultimate although its charge tier in Zuora is invalid.
 */
final class LegacyPlanConstants {

	static final String PREMIUM_SAAS_MONTHLY_PLAN = "8a28adb9eeacf4c888b47ef8bea3e694";

	static final String PREMIUM_SAAS_1_YEAR_PLAN = "8a286321e0805a51b824a1896c004d58";

	static final String PREMIUM_SAAS_2_YEAR_PLAN = "8a28232c7379f73f68ae77210dc38c7a";

	static final String PREMIUM_SAAS_3_YEAR_PLAN = "8a2828e2a57b5df50e2579b3db1afc5d";

	static final String PREMIUM_SAAS_1_YEAR_2022_PRICE_PLAN = "8a285eb18ca6f6b9d395a1b5b9c8ca90";

	static final String PREMIUM_SAAS_1_YEAR_CHANNEL_PLAN = "8a283ef3c3f1f63de2120dcd2ab09425";

	static final String ULTIMATE_SAAS_MONTHLY_PLAN = "8a280c187c3d5fb3ad45940440c31a9c";

	static final String ULTIMATE_SAAS_1_YEAR_PLAN = "8a288e3857eaa8629ae58995c2cb39f7";

	static final String ULTIMATE_SAAS_2_YEAR_PLAN = "8a28e9ae452bc62cb99ff9aacacf8edb";

	static final String ULTIMATE_SAAS_3_YEAR_PLAN = "8a28b407667dd83c88a0771614c52143";

	static final String ULTIMATE_SAAS_1_YEAR_CHANNEL_PLAN = "8a287334fef1e706f9320fa08759ccfa";

	static final String ULTIMATE_SAAS_TRIAL_PLAN = "8a28a95c53b2d1de24c2cd398e6bf2a0";

	static final String ULTIMATE_SAAS_INTERNAL_TRIAL_PROVISIONING_PLAN = "8a28cc65d8fb7127ff472e2f2d532dd9";

	static final String PREMIUM_SELF_MANAGED_MONTHLY_PLAN = "8a28fd4e47a165b8ff49b8b28dc39744";

	static final String PREMIUM_SELF_MANAGED_1_YEAR_PLAN = "8a28e1cd63b76782dd07c2aa1fda2000";

	static final String PREMIUM_SELF_MANAGED_2_YEAR_PLAN = "8a28c74b5895441381955279e9730d72";

	static final String PREMIUM_SELF_MANAGED_3_YEAR_PLAN = "8a287aef2e8ac2c88d58fd029948bb83";

	static final String PREMIUM_SELF_MANAGED_1_YEAR_QUICKSTART_PLAN = "8a289580a34245f63011c80ea0fe847c";

	static final String ULTIMATE_SELF_MANAGED_MONTHLY_PLAN = "8a28ea0aff1d632b33b0be4bbce03ffa";

	static final String ULTIMATE_SELF_MANAGED_1_YEAR_PLAN = "8a28e4b206d95ea10841a5cf967c1782";

	static final String ULTIMATE_SELF_MANAGED_2_YEAR_PLAN = "8a282a74c5270d15e7e50f3529477dde";

	static final String ULTIMATE_SELF_MANAGED_3_YEAR_PLAN = "8a2858af1e4fbce5cd5623cdc367ba8c";

	static final String ULTIMATE_SELF_MANAGED_1_YEAR_QUICKSTART_PLAN = "8a287fbda9aefe185c8b7c7ab81b2b6b";

	static final String ULTIMATE_SELF_MANAGED_1_YEAR_STRATEGIC_PLAN = "8a28db491bdb722fc1892a9dd9936cef";

	static final String STARTER_SELF_MANAGED_1_YEAR_PLAN = "8a28d98e660d6447ed9d34470beb36c8";

	static final String STARTER_SELF_MANAGED_MONTHLY_PLAN = "8a286a4ad34511f5bb9adb015602c06d";

	static final String STARTER_SELF_MANAGED_2_YEAR_PLAN = "8a287639a2790be42786bd45802f59ea";

	static final String ULTIMATE_DEDICATED_1_YEAR_PLAN = "8a28648e992ced0007414d4ef1941868";

	static final String ULTIMATE_DEDICATED_3_YEAR_PLAN = "8a28ef4d0455de319db6f1a82bb16f82";

	static final String DUO_PRO_SAAS_MONTHLY_PLAN = "8a281829d3e9d97b72243e1d1b024a3d";

	static final String DUO_PRO_SAAS_1_YEAR_PLAN = "8a28fb9612efd2491efd5686cba2745c";

	static final String DUO_PRO_SELF_MANAGED_MONTHLY_PLAN = "8a28e4f6d73d39edf00c299a73fd1d97";

	static final String DUO_PRO_SELF_MANAGED_1_YEAR_PLAN = "8a2894f8bb77a4a9ddb1f49dabb5bd26";

	static final String DUO_ENTERPRISE_SAAS_MONTHLY_PLAN = "8a2872c0d525e4c6face4ef5568f620c";

	static final String DUO_ENTERPRISE_SAAS_1_YEAR_PLAN = "8a28f252c1b9d1b9be5bafbe276d5e47";

	static final String DUO_ENTERPRISE_SELF_MANAGED_MONTHLY_PLAN = "8a288303888aa6df965958a20c00f2fe";

	static final String DUO_ENTERPRISE_SELF_MANAGED_1_YEAR_PLAN = "8a285ef7967bb0e13a097c94a69b0388";

	static final String DUO_AMAZON_Q_SAAS_MONTHLY_PLAN = "8a281a7ddd37fb59f1df9a48f0fd938d";

	static final String DUO_AMAZON_Q_SAAS_1_YEAR_PLAN = "8a28a6a552a31a41fd1170a380e79961";

	static final String DUO_AMAZON_Q_SELF_MANAGED_MONTHLY_PLAN = "8a286d40f0aab866fbf3b76eb6aba5b4";

	static final String DUO_AMAZON_Q_SELF_MANAGED_1_YEAR_PLAN = "8a280b2cc6c48fad2b1193fc46d7e17c";

	static final String CI_MINUTES_1000_PACK_PLAN = "8a2835d04d824eef86cc0e43fb898678";

	static final String CI_MINUTES_BULK_PLAN = "8a280203d5e8e80c1b76ae079a440c29";

	static final String CI_MINUTES_OVERAGE_PLAN = "8a2800fa4531271f9681fbbabca5ab18";

	static final String CI_MINUTES_2019_PACK_PLAN = "8a281a82fdcf784af7e06c15d6289dac";

	static final String STORAGE_10_GB_1_YEAR_PLAN = "8a28146d38f725cbba3534cabd34c214";

	static final String STORAGE_TIERED_1_YEAR_PLAN = "8a286f5b0b275f88e065a15c2a37b0e2";

	static final String AGILE_PLANNING_SAAS_1_YEAR_PLAN = "8a28831fae4761a9605484feced8b99c";

	static final String AGILE_PLANNING_SELF_MANAGED_1_YEAR_PLAN = "8a28e8af2b868c6e73d5bb391b4eb07d";

	static final String AGILE_PLANNING_SELF_MANAGED_MONTHLY_PLAN = "8a28a32fe3a89464d87908739ed5fe31";

	static final String EDUCATION_SAAS_PLAN = "8a2808c0caafc1c7f892d037bd23eb35";

	static final String EDUCATION_SELF_MANAGED_PLAN = "8a28b733c5f11f837b843af2d9e3dc3e";

	static final String OPEN_SOURCE_SAAS_PLAN = "8a282dfff8de124a467c2019f3778614";

	static final String OPEN_SOURCE_SELF_MANAGED_PLAN = "8a28c510a9597f2930822311d9342b4a";

	static final String STARTUP_SAAS_PLAN = "8a28f6f8038f7a38939cf19809d2ffd1";

	static final String STARTUP_SELF_MANAGED_PLAN = "8a286cbb10a26b39cabdf5f3a1cce350";

	static final String PREMIUM_SELF_MANAGED_TRUE_UP_PLAN = "8a28e8627e23631143ef1c92fbec2e42";

	static final String ULTIMATE_SELF_MANAGED_TRUE_UP_PLAN = "8a28dd5b03ede53e6d6c5bede8dace72";

	static final String PREMIUM_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN = "8a2899ca21f66d61709d4747e8fdd6c8";

	static final String ULTIMATE_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN = "8a286b520eb549d4d801eb1af90d63fe";

	static final String ULTIMATE_SAAS_1_YEAR_PUB_SEC_PLAN = "8a285328507c563b9e2326ee68231adf";

	static final String ULTIMATE_DEDICATED_GOVERNMENT_1_YEAR_PLAN = "8a284deb092f80884d40d9bdecdfd4f0";

	static final String ULTIMATE_SELF_MANAGED_TRUE_UP_PUB_SEC_PLAN = "8a28dc45fd9a1698efcb139e1cf4d4c6";

	static final String BRONZE_SAAS_1_YEAR_PLAN = "8a288bda0b643cc4a834f7d76c499434";

	static final String SILVER_SAAS_1_YEAR_PLAN = "8a28015dad33557854399567c0ecf420";

	static final String GOLD_SAAS_1_YEAR_PLAN = "8a2814f8fcc5ca3e51fe5a4ccf0d7d05";

	/** GitLab.com Premium plans on sale, including the channel partner plan. */
	static final Set<String> PREMIUM_SAAS_PLANS = Set.of(PREMIUM_SAAS_MONTHLY_PLAN, PREMIUM_SAAS_1_YEAR_PLAN,
			PREMIUM_SAAS_2_YEAR_PLAN, PREMIUM_SAAS_3_YEAR_PLAN, PREMIUM_SAAS_1_YEAR_CHANNEL_PLAN);

	/** GitLab.com Premium at the 2022 price, kept for renewals. */
	static final Set<String> DEPRECATED_PREMIUM_SAAS_PLANS = Set.of(PREMIUM_SAAS_1_YEAR_2022_PRICE_PLAN);

	/** GitLab.com Ultimate plans on sale (the 2-year plan was never added here). */
	static final Set<String> ULTIMATE_SAAS_PLANS = Set.of(ULTIMATE_SAAS_MONTHLY_PLAN, ULTIMATE_SAAS_1_YEAR_PLAN,
			ULTIMATE_SAAS_3_YEAR_PLAN, ULTIMATE_SAAS_1_YEAR_CHANNEL_PLAN);

	/** GitLab.com trial plans shown to customers. */
	static final Set<String> TRIAL_SAAS_PLANS = Set.of(ULTIMATE_SAAS_TRIAL_PLAN);

	/** GitLab.com Bronze, discontinued in 2021. */
	static final Set<String> GITLAB_COM_BRONZE_PLANS = Set.of(BRONZE_SAAS_1_YEAR_PLAN);

	/** GitLab.com Silver, renamed Premium in 2021. */
	static final Set<String> DEPRECATED_SILVER_SAAS_PLANS = Set.of(SILVER_SAAS_1_YEAR_PLAN);

	/** GitLab.com Gold, renamed Ultimate in 2021. */
	static final Set<String> DEPRECATED_GOLD_SAAS_PLANS = Set.of(GOLD_SAAS_1_YEAR_PLAN);

	/** Education and open source programme plans on GitLab.com. */
	static final Set<String> ALL_GITLAB_COM_EDU_OSS_PLANS = Set.of(EDUCATION_SAAS_PLAN, OPEN_SOURCE_SAAS_PLAN);

	/** Education and open source programme plans for self-managed instances. */
	static final Set<String> ALL_SELF_MANAGED_EDU_OSS_PLANS = Set.of(EDUCATION_SELF_MANAGED_PLAN,
			OPEN_SOURCE_SELF_MANAGED_PLAN);

	/** Startup programme plans, GitLab.com and self-managed. */
	static final Set<String> STARTUP_PLANS = Set.of(STARTUP_SAAS_PLAN, STARTUP_SELF_MANAGED_PLAN);

	/** Self-Managed Premium plans on sale. */
	static final Set<String> PREMIUM_SELF_MANAGED_PLANS = Set.of(PREMIUM_SELF_MANAGED_MONTHLY_PLAN,
			PREMIUM_SELF_MANAGED_1_YEAR_PLAN, PREMIUM_SELF_MANAGED_2_YEAR_PLAN, PREMIUM_SELF_MANAGED_3_YEAR_PLAN,
			PREMIUM_SELF_MANAGED_1_YEAR_QUICKSTART_PLAN);

	/** Self-Managed Ultimate plans on sale, including the strategic bundle. */
	static final Set<String> ULTIMATE_SELF_MANAGED_PLANS = Set.of(ULTIMATE_SELF_MANAGED_MONTHLY_PLAN,
			ULTIMATE_SELF_MANAGED_1_YEAR_PLAN, ULTIMATE_SELF_MANAGED_2_YEAR_PLAN, ULTIMATE_SELF_MANAGED_3_YEAR_PLAN,
			ULTIMATE_SELF_MANAGED_1_YEAR_QUICKSTART_PLAN, ULTIMATE_SELF_MANAGED_1_YEAR_STRATEGIC_PLAN);

	/** Self-Managed Starter, discontinued in 2021. */
	static final Set<String> STARTER_SELF_MANAGED_PLANS = Set.of(STARTER_SELF_MANAGED_1_YEAR_PLAN,
			STARTER_SELF_MANAGED_MONTHLY_PLAN, STARTER_SELF_MANAGED_2_YEAR_PLAN);

	/** GitLab Dedicated plans for commercial customers. */
	static final Set<String> ULTIMATE_DEDICATED_PLANS = Set.of(ULTIMATE_DEDICATED_1_YEAR_PLAN,
			ULTIMATE_DEDICATED_3_YEAR_PLAN);

	/** Self-Managed true-up plans, commercial and US Public Sector. */
	static final Set<String> TRUE_UP_PLANS = Set.of(PREMIUM_SELF_MANAGED_TRUE_UP_PLAN,
			ULTIMATE_SELF_MANAGED_TRUE_UP_PLAN, ULTIMATE_SELF_MANAGED_TRUE_UP_PUB_SEC_PLAN);

	/** Plans sold by GitLab Federal to US Public Sector customers. */
	static final Set<String> US_PUB_SEC_PLANS = Set.of(PREMIUM_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN,
			ULTIMATE_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN, ULTIMATE_SAAS_1_YEAR_PUB_SEC_PLAN,
			ULTIMATE_DEDICATED_GOVERNMENT_1_YEAR_PLAN, ULTIMATE_SELF_MANAGED_TRUE_UP_PUB_SEC_PLAN);

	/** GitLab Duo Pro add-on plans on GitLab.com. */
	static final Set<String> DUO_PRO_SAAS_PLANS = Set.of(DUO_PRO_SAAS_MONTHLY_PLAN, DUO_PRO_SAAS_1_YEAR_PLAN);

	/** GitLab Duo Pro add-on plans for self-managed instances. */
	static final Set<String> DUO_PRO_SELF_MANAGED_PLANS = Set.of(DUO_PRO_SELF_MANAGED_MONTHLY_PLAN,
			DUO_PRO_SELF_MANAGED_1_YEAR_PLAN);

	/** GitLab Duo Enterprise add-on plans on GitLab.com. */
	static final Set<String> DUO_ENTERPRISE_SAAS_PLANS = Set.of(DUO_ENTERPRISE_SAAS_MONTHLY_PLAN,
			DUO_ENTERPRISE_SAAS_1_YEAR_PLAN);

	/** GitLab Duo Enterprise add-on plans for self-managed instances. */
	static final Set<String> DUO_ENTERPRISE_SELF_MANAGED_PLANS = Set.of(DUO_ENTERPRISE_SELF_MANAGED_MONTHLY_PLAN,
			DUO_ENTERPRISE_SELF_MANAGED_1_YEAR_PLAN);

	/** Compute (CI/CD) minutes add-on plans on GitLab.com. */
	static final Set<String> CI_MINUTES_PLANS = Set.of(CI_MINUTES_1000_PACK_PLAN, CI_MINUTES_BULK_PLAN,
			CI_MINUTES_OVERAGE_PLAN, CI_MINUTES_2019_PACK_PLAN);

	/** Storage add-on plans on GitLab.com. */
	static final Set<String> STORAGE_PLANS = Set.of(STORAGE_10_GB_1_YEAR_PLAN, STORAGE_TIERED_1_YEAR_PLAN);

	/** Enterprise Agile Planning add-on plans on GitLab.com. */
	static final Set<String> AGILE_PLANNING_SAAS_PLANS = Set.of(AGILE_PLANNING_SAAS_1_YEAR_PLAN);

	/** Enterprise Agile Planning add-on plans for self-managed instances. */
	static final Set<String> AGILE_PLANNING_SELF_MANAGED_PLANS = Set.of(AGILE_PLANNING_SELF_MANAGED_1_YEAR_PLAN,
			AGILE_PLANNING_SELF_MANAGED_MONTHLY_PLAN);

	/** GitLab.com plans customers can buy in the Customers Portal without sales. */
	static final Set<String> ALL_SELF_SERVICE_SAAS_PLANS = Set.of(PREMIUM_SAAS_MONTHLY_PLAN, PREMIUM_SAAS_1_YEAR_PLAN,
			PREMIUM_SAAS_1_YEAR_2022_PRICE_PLAN, ULTIMATE_SAAS_MONTHLY_PLAN, ULTIMATE_SAAS_1_YEAR_PLAN,
			DUO_PRO_SAAS_MONTHLY_PLAN, DUO_PRO_SAAS_1_YEAR_PLAN, CI_MINUTES_1000_PACK_PLAN, CI_MINUTES_BULK_PLAN,
			STORAGE_10_GB_1_YEAR_PLAN);

	/** Every GitLab.com plan. */
	static final Set<String> ALL_GITLAB_COM_PLANS = union(PREMIUM_SAAS_PLANS, DEPRECATED_PREMIUM_SAAS_PLANS,
			ULTIMATE_SAAS_PLANS, TRIAL_SAAS_PLANS, GITLAB_COM_BRONZE_PLANS, DEPRECATED_SILVER_SAAS_PLANS,
			DEPRECATED_GOLD_SAAS_PLANS, ALL_GITLAB_COM_EDU_OSS_PLANS, DUO_PRO_SAAS_PLANS, DUO_ENTERPRISE_SAAS_PLANS,
			CI_MINUTES_PLANS, STORAGE_PLANS, AGILE_PLANNING_SAAS_PLANS,
			Set.of(STARTUP_SAAS_PLAN, ULTIMATE_SAAS_1_YEAR_PUB_SEC_PLAN));

	/** Every self-managed plan. */
	static final Set<String> ALL_SELF_MANAGED_PLANS = union(PREMIUM_SELF_MANAGED_PLANS, ULTIMATE_SELF_MANAGED_PLANS,
			STARTER_SELF_MANAGED_PLANS, ALL_SELF_MANAGED_EDU_OSS_PLANS, DUO_PRO_SELF_MANAGED_PLANS,
			DUO_ENTERPRISE_SELF_MANAGED_PLANS, AGILE_PLANNING_SELF_MANAGED_PLANS, TRUE_UP_PLANS,
			Set.of(STARTUP_SELF_MANAGED_PLAN, PREMIUM_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN,
					ULTIMATE_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN));

	/** Every GitLab Dedicated plan. */
	static final Set<String> ALL_DEDICATED_PLANS = union(ULTIMATE_DEDICATED_PLANS,
			Set.of(ULTIMATE_DEDICATED_GOVERNMENT_1_YEAR_PLAN));

	/** Every Premium plan (Silver is not counted: it is its own catalog tier). */
	static final Set<String> PREMIUM_PLANS = union(PREMIUM_SAAS_PLANS, DEPRECATED_PREMIUM_SAAS_PLANS,
			PREMIUM_SELF_MANAGED_PLANS,
			Set.of(PREMIUM_SELF_MANAGED_TRUE_UP_PLAN, PREMIUM_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN));

	/** Every Ultimate plan (Gold is not counted: it is its own catalog tier). */
	static final Set<String> ULTIMATE_PLANS = union(ULTIMATE_SAAS_PLANS, ULTIMATE_SELF_MANAGED_PLANS,
			ULTIMATE_DEDICATED_PLANS, TRIAL_SAAS_PLANS, ALL_GITLAB_COM_EDU_OSS_PLANS, ALL_SELF_MANAGED_EDU_OSS_PLANS,
			STARTUP_PLANS,
			Set.of(ULTIMATE_SELF_MANAGED_TRUE_UP_PLAN, ULTIMATE_SELF_MANAGED_TRUE_UP_PUB_SEC_PLAN,
					ULTIMATE_SELF_MANAGED_1_YEAR_PUB_SEC_PLAN, ULTIMATE_SAAS_1_YEAR_PUB_SEC_PLAN,
					ULTIMATE_DEDICATED_GOVERNMENT_1_YEAR_PLAN));

	/** Education programme plans. */
	static final Set<String> EDUCATION_PLANS = Set.of(EDUCATION_SAAS_PLAN, EDUCATION_SELF_MANAGED_PLAN);

	/** Open source programme plans. */
	static final Set<String> OPEN_SOURCE_PLANS = Set.of(OPEN_SOURCE_SAAS_PLAN, OPEN_SOURCE_SELF_MANAGED_PLAN);

	/** Every GitLab Duo Pro add-on plan. */
	static final Set<String> DUO_PRO_PLANS = union(DUO_PRO_SAAS_PLANS, DUO_PRO_SELF_MANAGED_PLANS);

	/** Every GitLab Duo Enterprise add-on plan. */
	static final Set<String> DUO_ENTERPRISE_PLANS = union(DUO_ENTERPRISE_SAAS_PLANS, DUO_ENTERPRISE_SELF_MANAGED_PLANS);

	/** Plans a customer can renew in the Customers Portal. */
	static final Set<String> RENEWABLE_PLANS = union(PREMIUM_SAAS_PLANS, DEPRECATED_PREMIUM_SAAS_PLANS,
			PREMIUM_SELF_MANAGED_PLANS, ULTIMATE_SELF_MANAGED_PLANS, DUO_PRO_SAAS_PLANS, DUO_PRO_SELF_MANAGED_PLANS,
			DUO_ENTERPRISE_SAAS_PLANS, DUO_ENTERPRISE_SELF_MANAGED_PLANS, AGILE_PLANNING_SAAS_PLANS,
			AGILE_PLANNING_SELF_MANAGED_PLANS, STORAGE_PLANS, ALL_GITLAB_COM_EDU_OSS_PLANS,
			ALL_SELF_MANAGED_EDU_OSS_PLANS, STARTUP_PLANS, DEPRECATED_SILVER_SAAS_PLANS, DEPRECATED_GOLD_SAAS_PLANS,
			Set.of(ULTIMATE_SAAS_MONTHLY_PLAN, ULTIMATE_SAAS_1_YEAR_PLAN, ULTIMATE_SAAS_3_YEAR_PLAN,
					STARTER_SELF_MANAGED_1_YEAR_PLAN, STARTER_SELF_MANAGED_MONTHLY_PLAN));

	/** Plans a customer can add seats or units to in the Customers Portal. */
	static final Set<String> ADDITIONAL_PURCHASE_PLANS = union(PREMIUM_SAAS_PLANS, DEPRECATED_PREMIUM_SAAS_PLANS,
			DUO_PRO_SAAS_PLANS, DUO_PRO_SELF_MANAGED_PLANS, DUO_ENTERPRISE_SAAS_PLANS,
			DUO_ENTERPRISE_SELF_MANAGED_PLANS, AGILE_PLANNING_SAAS_PLANS, AGILE_PLANNING_SELF_MANAGED_PLANS,
			STORAGE_PLANS, DEPRECATED_SILVER_SAAS_PLANS, DEPRECATED_GOLD_SAAS_PLANS,
			Set.of(ULTIMATE_SAAS_MONTHLY_PLAN, ULTIMATE_SAAS_1_YEAR_PLAN, ULTIMATE_SAAS_3_YEAR_PLAN,
					PREMIUM_SELF_MANAGED_MONTHLY_PLAN, PREMIUM_SELF_MANAGED_1_YEAR_PLAN,
					PREMIUM_SELF_MANAGED_2_YEAR_PLAN, PREMIUM_SELF_MANAGED_3_YEAR_PLAN,
					ULTIMATE_SELF_MANAGED_MONTHLY_PLAN, ULTIMATE_SELF_MANAGED_1_YEAR_PLAN,
					ULTIMATE_SELF_MANAGED_2_YEAR_PLAN, ULTIMATE_SELF_MANAGED_3_YEAR_PLAN, CI_MINUTES_1000_PACK_PLAN));

	/** Plans currently on sale. */
	static final Set<String> ACTIVE_PLANS = union(PREMIUM_SAAS_PLANS, ULTIMATE_SAAS_PLANS, PREMIUM_SELF_MANAGED_PLANS,
			ULTIMATE_SELF_MANAGED_PLANS, ULTIMATE_DEDICATED_PLANS, DUO_PRO_SAAS_PLANS, DUO_PRO_SELF_MANAGED_PLANS,
			DUO_ENTERPRISE_SAAS_PLANS, DUO_ENTERPRISE_SELF_MANAGED_PLANS, AGILE_PLANNING_SAAS_PLANS,
			AGILE_PLANNING_SELF_MANAGED_PLANS, STORAGE_PLANS, ALL_GITLAB_COM_EDU_OSS_PLANS,
			ALL_SELF_MANAGED_EDU_OSS_PLANS, STARTUP_PLANS, TRUE_UP_PLANS, US_PUB_SEC_PLANS,
			Set.of(CI_MINUTES_1000_PACK_PLAN, CI_MINUTES_BULK_PLAN, CI_MINUTES_OVERAGE_PLAN));

	/** Plans being phased out, still available to existing customers. */
	static final Set<String> DEPRECATED_PLANS = union(DEPRECATED_PREMIUM_SAAS_PLANS,
			Set.of(STARTER_SELF_MANAGED_1_YEAR_PLAN, STARTER_SELF_MANAGED_2_YEAR_PLAN, CI_MINUTES_2019_PACK_PLAN));

	/** Plans kept only for existing subscriptions. */
	static final Set<String> LEGACY_PLANS = union(GITLAB_COM_BRONZE_PLANS, DEPRECATED_SILVER_SAAS_PLANS,
			DEPRECATED_GOLD_SAAS_PLANS);

	/** Each classification name of the catalog API, answered from the constants above. */
	static final Map<String, Set<String>> BY_CLASSIFICATION = Map.ofEntries(
			Map.entry("all_gitlab_com_plans", ALL_GITLAB_COM_PLANS),
			Map.entry("self_service_gitlab_com_plans", ALL_SELF_SERVICE_SAAS_PLANS),
			Map.entry("all_self_managed_plans", ALL_SELF_MANAGED_PLANS),
			Map.entry("all_dedicated_plans", ALL_DEDICATED_PLANS), Map.entry("premium_plans", PREMIUM_PLANS),
			Map.entry("ultimate_plans", ULTIMATE_PLANS), Map.entry("true_up_plans", TRUE_UP_PLANS),
			Map.entry("us_pub_sec_plans", US_PUB_SEC_PLANS), Map.entry("education_plans", EDUCATION_PLANS),
			Map.entry("open_source_plans", OPEN_SOURCE_PLANS), Map.entry("startup_plans", STARTUP_PLANS),
			Map.entry("duo_pro_plans", DUO_PRO_PLANS), Map.entry("duo_enterprise_plans", DUO_ENTERPRISE_PLANS),
			Map.entry("renewable_plans", RENEWABLE_PLANS),
			Map.entry("additional_purchase_plans", ADDITIONAL_PURCHASE_PLANS), Map.entry("active_plans", ACTIVE_PLANS),
			Map.entry("deprecated_plans", DEPRECATED_PLANS), Map.entry("legacy_plans", LEGACY_PLANS));

	private LegacyPlanConstants() {
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... groups) {
		Set<String> ids = new LinkedHashSet<>();
		for (Set<String> group : groups) {
			ids.addAll(group);
		}
		return Set.copyOf(ids);
	}

}
