package io.slotbeam.node.chain;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.slotbeam.contracts.MarketplaceCalls;
import io.slotbeam.contracts.generated.Marketplace;
import io.slotbeam.contracts.generated.PaymentToken;
import io.slotbeam.core.groth16.Proof;
import io.slotbeam.node.market.ActiveSlot;
import io.slotbeam.node.market.Market;
import io.slotbeam.node.market.MarketConfig;
import io.slotbeam.node.market.MarketException;
import io.slotbeam.node.market.MarketListener;
import io.slotbeam.node.market.RequestId;
import io.slotbeam.node.market.RequestState;
import io.slotbeam.node.market.SlotId;
import io.slotbeam.node.market.SlotState;
import io.slotbeam.node.market.StorageRequest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The marketplace contract as a {@link Market} (nim-codex {@code OnChainMarket}, spec node §6),
 * over JSON-RPC on HTTP.
 *
 * <p>The configuration is read once, at {@link #connect}. Requests never change once stored, so
 * {@link #getRequest} keeps the last {@link Options#requestCacheSize} in an LRU cache. Views that
 * upstream evaluates at the {@code pending} block (request and slot state, proof requirement,
 * challenge, pointer, {@code canMarkProofAsMissing}) do so here; the others read the latest
 * block. Every view and transaction passes {@code from} = the signer, since {@code myRequests},
 * {@code mySlots} and {@code canReserveSlot} depend on {@code msg.sender}.
 *
 * <p>Transactions wait for their receipt. {@code requestStorage} and {@code fillSlot} first
 * approve the token amount they pull ({@code allowance + amount}, spec §5.7), under a lock so
 * concurrent fills do not race on the allowance. Gas is the estimate times the factors of spec
 * §6 (reserve 125 %, fill 110 %, free 300 %, mark missing 150 %, the rest 100 %). Reverts become
 * {@link io.slotbeam.node.market.MarketException}s naming the call and the custom error ({@link
 * Reverts}); I/O failures are retried with backoff ({@link ChainRpc}).
 *
 * <p>The wrapper generated from the contract's ABI only encodes calls and decodes answers here;
 * this class sends them itself, to choose the block, read revert data and manage the nonce.
 */
public final class OnChainMarket implements Market, AutoCloseable {
  static final int RESERVE_GAS_PERCENT = 125;
  static final int FILL_GAS_PERCENT = 110;
  static final int FREE_GAS_PERCENT = 300;
  static final int MARK_MISSING_GAS_PERCENT = 150;
  static final int GAS_PERCENT = 100;
  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  /**
   * @param requestCacheSize requests kept by {@link #getRequest} ({@code --request-cache-size},
   *     default 128)
   * @param rewardRecipient who receives a freed slot's payout ({@code --reward-recipient}); the
   *     collateral goes back to the signer either way
   * @param maxPriorityFeePerGas the EIP-1559 tip when the chain suggests none ({@code
   *     --max-priority-fee-per-gas}, default 1 gwei)
   * @param eventPollInterval how often a subscription polls for new logs
   */
  public record Options(int requestCacheSize, Optional<String> rewardRecipient,
      BigInteger maxPriorityFeePerGas, Duration eventPollInterval) {
    public static final int DEFAULT_REQUEST_CACHE_SIZE = 128;
    public static final BigInteger DEFAULT_MAX_PRIORITY_FEE_PER_GAS = BigInteger.valueOf(1_000_000_000L);
    public static final Duration DEFAULT_EVENT_POLL_INTERVAL = Duration.ofSeconds(1);

    public Options {
      if (requestCacheSize < 1) {
        throw new IllegalArgumentException("request cache size " + requestCacheSize + " is below 1");
      }
      rewardRecipient.ifPresent(OnChainMarket::checkAddress);
      if (maxPriorityFeePerGas.signum() < 0) {
        throw new IllegalArgumentException("max priority fee " + maxPriorityFeePerGas + " is negative");
      }
      if (eventPollInterval.isNegative() || eventPollInterval.isZero()) {
        throw new IllegalArgumentException("event poll interval " + eventPollInterval + " is not positive");
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_REQUEST_CACHE_SIZE, Optional.empty(),
          DEFAULT_MAX_PRIORITY_FEE_PER_GAS, DEFAULT_EVENT_POLL_INTERVAL);
    }

    public Options withEventPollInterval(Duration interval) {
      return new Options(requestCacheSize, rewardRecipient, maxPriorityFeePerGas, interval);
    }
  }

  private final ChainRpc rpc;
  private final TransactionSender sender;
  private final Options options;
  private final String marketplace;
  private final Marketplace calls;
  private final PaymentToken token;
  private final MarketConfig config;
  private final Cache<RequestId, StorageRequest> requests;
  private final ReentrantLock approveLock = new ReentrantLock();

  private OnChainMarket(ChainRpc rpc, TransactionSender sender, Options options, String marketplace) {
    this.rpc = rpc;
    this.sender = sender;
    this.options = options;
    this.marketplace = marketplace;
    Web3j web3j = rpc.web3j();
    ReadonlyTransactionManager encodeOnly = new ReadonlyTransactionManager(web3j, sender.address());
    StaticGasProvider noGas = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);
    this.calls = Marketplace.load(marketplace, web3j, encodeOnly, noGas);
    this.config = ContractTypes.config((Marketplace.MarketplaceConfig)
        view("configuration()", calls.configuration(), DefaultBlockParameterName.LATEST).get(0));
    String tokenAddress = (String) view("token()", calls.token(), DefaultBlockParameterName.LATEST)
        .get(0).getValue();
    this.token = PaymentToken.load(tokenAddress, web3j, encodeOnly, noGas);
    this.requests = CacheBuilder.newBuilder().maximumSize(options.requestCacheSize()).build();
  }

  /**
   * The marketplace at {@code marketplaceAddress} on the chain at {@code rpcUrl} (HTTP), signing
   * with {@code signer}; reads the configuration and the token address.
   */
  public static OnChainMarket connect(String rpcUrl, String marketplaceAddress, Credentials signer,
      Options options) {
    checkAddress(marketplaceAddress);
    ChainRpc rpc = ChainRpc.http(rpcUrl);
    Web3j web3j = rpc.web3j();
    try {
      String code = rpc.send("eth_getCode " + marketplaceAddress,
          web3j.ethGetCode(marketplaceAddress, DefaultBlockParameterName.LATEST)).getCode();
      if (code == null || code.equals("0x")) {
        throw new IllegalArgumentException("marketplace address " + marketplaceAddress
            + " holds no contract on " + rpcUrl);
      }
      return new OnChainMarket(rpc, new TransactionSender(rpc, signer, options.maxPriorityFeePerGas()),
          options, marketplaceAddress);
    } catch (RuntimeException e) {
      web3j.shutdown();
      throw e;
    }
  }

  private static void checkAddress(String address) {
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("address '" + address + "' is not 0x and 40 hex digits");
    }
  }

  @Override
  public MarketConfig config() {
    return config;
  }

  @Override
  public String signer() {
    return sender.address();
  }

  /** The marketplace contract's address. */
  public String marketplaceAddress() {
    return marketplace;
  }

  /** The payment token's address, as the marketplace names it. */
  public String tokenAddress() {
    return token.getContractAddress();
  }

  /** The signer's token balance. */
  public BigInteger tokenBalance() {
    return (BigInteger) view("balanceOf(" + signer() + ")", token.getContractAddress(),
        token.balanceOf(signer()), DefaultBlockParameterName.LATEST).get(0).getValue();
  }

  @Override
  public Optional<StorageRequest> getRequest(RequestId id) {
    StorageRequest cached = requests.getIfPresent(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<StorageRequest> request = viewUnless("getRequest(" + id + ")", marketplace,
        calls.getRequest(id.bytes()), DefaultBlockParameterName.LATEST, "Marketplace_UnknownRequest")
        .map(values -> ContractTypes.request((Marketplace.Request) values.get(0)));
    request.ifPresent(r -> requests.put(id, r));
    return request;
  }

  @Override
  public Optional<RequestState> requestState(RequestId id) {
    return viewUnless("requestState(" + id + ")", marketplace, calls.requestState(id.bytes()),
        DefaultBlockParameterName.PENDING, "Marketplace_UnknownRequest")
        .map(values -> RequestState.of(number(values).intValueExact()));
  }

  @Override
  public SlotState slotState(SlotId id) {
    return SlotState.of(number(view("slotState(" + id + ")", calls.slotState(id.bytes()),
        DefaultBlockParameterName.PENDING)).intValueExact());
  }

  @Override
  public long requestEnd(RequestId id) {
    return number(view("requestEnd(" + id + ")", calls.requestEnd(id.bytes()),
        DefaultBlockParameterName.LATEST)).longValueExact();
  }

  @Override
  public long requestExpiresAt(RequestId id) {
    return number(view("requestExpiry(" + id + ")", calls.requestExpiry(id.bytes()),
        DefaultBlockParameterName.LATEST)).longValueExact();
  }

  @Override
  public Optional<String> getHost(SlotId id) {
    String host = (String) view("getHost(" + id + ")", calls.getHost(id.bytes()),
        DefaultBlockParameterName.LATEST).get(0).getValue();
    return host.equals(ZERO_ADDRESS) ? Optional.empty() : Optional.of(host);
  }

  @Override
  public BigInteger currentCollateral(SlotId id) {
    return number(view("currentCollateral(" + id + ")", calls.currentCollateral(id.bytes()),
        DefaultBlockParameterName.LATEST));
  }

  @Override
  public Optional<ActiveSlot> getActiveSlot(SlotId id) {
    return viewUnless("getActiveSlot(" + id + ")", marketplace, calls.getActiveSlot(id.bytes()),
        DefaultBlockParameterName.LATEST, "Marketplace_SlotIsFree")
        .map(values -> {
          Marketplace.ActiveSlot slot = (Marketplace.ActiveSlot) values.get(0);
          return new ActiveSlot(ContractTypes.request(slot.request), slot.slotIndex.longValueExact());
        });
  }

  @Override
  public List<SlotId> mySlots() {
    return ids("mySlots()", calls.mySlots()).stream().map(SlotId::new).toList();
  }

  @Override
  public List<RequestId> myRequests() {
    return ids("myRequests()", calls.myRequests()).stream().map(RequestId::new).toList();
  }

  private List<byte[]> ids(String call, RemoteFunctionCall<?> function) {
    List<?> words = (List<?>) view(call, function, DefaultBlockParameterName.LATEST).get(0).getValue();
    return words.stream().map(word -> (byte[]) ((Type<?>) word).getValue()).toList();
  }

  @Override
  public void requestStorage(StorageRequest request) {
    String call = "requestStorage(" + request.id() + ")";
    approve(call, request.ask().totalPrice());
    transact(call, calls.requestStorage(ContractTypes.request(request)), GAS_PERCENT);
  }

  @Override
  public boolean canReserveSlot(RequestId id, long slotIndex) {
    return (Boolean) view("canReserveSlot(" + id + ", " + slotIndex + ")",
        calls.canReserveSlot(id.bytes(), BigInteger.valueOf(slotIndex)),
        DefaultBlockParameterName.LATEST).get(0).getValue();
  }

  @Override
  public void reserveSlot(RequestId id, long slotIndex) {
    transact("reserveSlot(" + id + ", " + slotIndex + ")",
        calls.reserveSlot(id.bytes(), BigInteger.valueOf(slotIndex)), RESERVE_GAS_PERCENT);
  }

  @Override
  public void fillSlot(RequestId id, long slotIndex, Proof proof, BigInteger collateral) {
    String call = "fillSlot(" + id + ", " + slotIndex + ")";
    approve(call, collateral);
    transact(call, calls.fillSlot(id.bytes(), BigInteger.valueOf(slotIndex), ContractTypes.proof(proof)),
        FILL_GAS_PERCENT);
  }

  @Override
  public void freeSlot(SlotId id) {
    String call = "freeSlot(" + id + ")";
    transact(call, options.rewardRecipient()
        .map(recipient -> calls.freeSlot(id.bytes(), recipient, signer()))
        .orElseGet(() -> calls.freeSlot(id.bytes())), FREE_GAS_PERCENT);
  }

  @Override
  public void withdrawFunds(RequestId id) {
    transact("withdrawFunds(" + id + ")", calls.withdrawFunds(id.bytes()), GAS_PERCENT);
  }

  @Override
  public boolean isProofRequired(SlotId id) {
    return viewUnless("isProofRequired(" + id + ")", marketplace, calls.isProofRequired(id.bytes()),
        DefaultBlockParameterName.PENDING, "Marketplace_SlotIsFree")
        .map(values -> (Boolean) values.get(0).getValue()).orElse(false);
  }

  @Override
  public boolean willProofBeRequired(SlotId id) {
    return viewUnless("willProofBeRequired(" + id + ")", marketplace,
        calls.willProofBeRequired(id.bytes()), DefaultBlockParameterName.PENDING, "Marketplace_SlotIsFree")
        .map(values -> (Boolean) values.get(0).getValue()).orElse(false);
  }

  @Override
  public byte[] getChallenge(SlotId id) {
    return (byte[]) view("getChallenge(" + id + ")", calls.getChallenge(id.bytes()),
        DefaultBlockParameterName.PENDING).get(0).getValue();
  }

  @Override
  public int getPointer(SlotId id) {
    return number(view("getPointer(" + id + ")", calls.getPointer(id.bytes()),
        DefaultBlockParameterName.PENDING)).intValueExact();
  }

  @Override
  public long submitProof(SlotId id, Proof proof) {
    String call = "submitProof(" + id + ")";
    TransactionReceipt receipt = transact(call, calls.submitProof(id.bytes(), ContractTypes.proof(proof)), GAS_PERCENT);
    return config().periodicity().periodOf(blockTime(call, receipt.getBlockNumber()));
  }

  @Override
  public void markProofAsMissing(SlotId id, long period) {
    transact("markProofAsMissing(" + id + ", " + period + ")",
        calls.markProofAsMissing(id.bytes(), BigInteger.valueOf(period)), MARK_MISSING_GAS_PERCENT);
  }

  /** An eth_call at {@code pending}: no revert means markable; any revert means not (spec §6). */
  @Override
  public boolean canMarkProofAsMissing(SlotId id, long period) {
    Function function = MarketplaceCalls.canMarkProofAsMissing(id.bytes(), BigInteger.valueOf(period));
    EthCall result = ethCall("canMarkProofAsMissing(" + id + ", " + period + ")", marketplace,
        FunctionEncoder.encode(function), DefaultBlockParameterName.PENDING);
    return !result.hasError() && !result.isReverted();
  }

  @Override
  public BigInteger slotCollateral(RequestId id, long slotIndex) {
    SlotState state = slotState(id.slotId(slotIndex));
    StorageRequest request = getRequest(id).orElseThrow(() -> new MarketException(
        "slotCollateral(" + id + ", " + slotIndex + "): the marketplace does not know the request"));
    BigInteger perSlot = request.ask().collateralPerSlot();
    if (state != SlotState.REPAIR) {
      return perSlot;
    }
    return perSlot.subtract(perSlot.multiply(BigInteger.valueOf(config.repairRewardPercentage()))
        .divide(BigInteger.valueOf(100)));
  }

  @Override
  public Subscription subscribe(MarketListener listener) {
    return EventPoller.start(rpc, marketplace, listener, options.eventPollInterval());
  }

  /**
   * The chain's clock on this market's connection, polling the latest block every {@code
   * pollInterval}; close it before the market.
   */
  public OnChainClock startClock(Duration pollInterval) {
    return OnChainClock.start(rpc, pollInterval);
  }

  /** Stops the HTTP client; subscriptions and clocks must be closed first. */
  /**
   * {@inheritDoc}
   *
   * <p>The first block searched is the last one stamped before {@code fromTime} (found by binary
   * search over the block timestamps, which never decrease), so no fill at or after {@code
   * fromTime} is missed, even among blocks sharing a timestamp; the
   * logs are read up to the latest block in queries of at most {@link
   * EventPoller#MAX_BLOCKS_PER_QUERY} blocks.
   */
  @Override
  public List<SlotId> slotsFilledSince(long fromTime) {
    String call = "slotsFilledSince(" + fromTime + ")";
    BigInteger latest = rpc.send(call + " (block number)", rpc.web3j().ethBlockNumber()).getBlockNumber();
    String topic = EventEncoder.encode(Marketplace.SLOTFILLED_EVENT);
    List<SlotId> slots = new ArrayList<>();
    for (BigInteger from = lastBlockBefore(call, fromTime, latest); from.compareTo(latest) <= 0; ) {
      BigInteger to = EventPoller.queryEnd(from, latest);
      EthLog logs = rpc.send(call + " (eth_getLogs)", rpc.web3j().ethGetLogs(new EthFilter(
          DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), marketplace).addSingleTopic(topic)));
      if (logs.hasError()) {
        throw Reverts.exception(call + " (eth_getLogs " + from + ".." + to + ")", logs.getError());
      }
      for (EthLog.LogResult<?> result : logs.getLogs()) {
        var event = Marketplace.getSlotFilledEventFromLog((Log) result.get());
        slots.add(new RequestId(event.requestId).slotId(event.slotIndex.longValueExact()));
      }
      from = to.add(BigInteger.ONE);
    }
    return slots;
  }

  /** The highest block in [0, latest] stamped before {@code time}; block 0 if none is. */
  private BigInteger lastBlockBefore(String call, long time, BigInteger latest) {
    BigInteger low = BigInteger.ZERO;
    BigInteger high = latest;
    while (low.compareTo(high) < 0) {
      BigInteger middle = low.add(high).add(BigInteger.ONE).shiftRight(1);
      if (blockTime(call, middle) < time) {
        low = middle;
      } else {
        high = middle.subtract(BigInteger.ONE);
      }
    }
    return low;
  }

  private long blockTime(String call, BigInteger number) {
    EthBlock.Block block = rpc.send(call + " (block " + number + ")",
        rpc.web3j().ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false)).getBlock();
    if (block == null) {
      throw new MarketException(call + ": block " + number + " is unknown to the chain");
    }
    return block.getTimestamp().longValueExact();
  }

  @Override
  public void close() {
    rpc.web3j().shutdown();
  }

  /** Names the signer, marketplace and endpoint; never the key. */
  @Override
  public String toString() {
    return "OnChainMarket[signer=" + signer() + ", marketplace=" + marketplace + ", rpc=" + rpc.url() + "]";
  }

  private void approve(String call, BigInteger amount) {
    approveLock.lock();
    try {
      BigInteger allowance = (BigInteger) view(call + " allowance", token.getContractAddress(),
          token.allowance(signer(), marketplace), DefaultBlockParameterName.LATEST).get(0).getValue();
      sender.send(call + " approve(" + amount + ")", token.getContractAddress(),
          token.approve(marketplace, allowance.add(amount)).encodeFunctionCall(), GAS_PERCENT);
    } finally {
      approveLock.unlock();
    }
  }

  private TransactionReceipt transact(String call, RemoteFunctionCall<?> function, int gasPercent) {
    return sender.send(call, marketplace, function.encodeFunctionCall(), gasPercent);
  }

  private List<Type> view(String call, RemoteFunctionCall<?> function, DefaultBlockParameter block) {
    return view(call, marketplace, function, block);
  }

  private List<Type> view(String call, String contract, RemoteFunctionCall<?> function,
      DefaultBlockParameter block) {
    return viewUnless(call, contract, function, block, null).orElseThrow();
  }

  /** The call's decoded answer, or empty when it reverts with the custom error {@code tolerated}. */
  private Optional<List<Type>> viewUnless(String call, String contract, RemoteFunctionCall<?> function,
      DefaultBlockParameter block, String tolerated) {
    EthCall result = ethCall(call, contract, function.encodeFunctionCall(), block);
    if (result.hasError()) {
      if (tolerated != null && Reverts.errorName(result.getError()).filter(tolerated::equals).isPresent()) {
        return Optional.empty();
      }
      throw Reverts.exception(call, result.getError());
    }
    return Optional.of(function.decodeFunctionResponse(result.getValue()));
  }

  private EthCall ethCall(String call, String contract, String data, DefaultBlockParameter block) {
    return rpc.send(call, rpc.web3j().ethCall(
        Transaction.createEthCallTransaction(signer(), contract, data), block));
  }

  private static BigInteger number(List<Type> values) {
    return (BigInteger) values.get(0).getValue();
  }
}
