"""A stored-procedure handler written with Snowpark's DataFrame API.

Run it locally:  npx snowpark-local run examples/handlers/dataframe_orders.py --args '[10]'
Deploy it:       npx snowpark-local deploy examples/handlers/dataframe_orders.py --procedure CUST_TOTALS --connection dev
"""

from snowflake.snowpark import Window
from snowflake.snowpark.functions import avg, col, count, lit, rank, sum as sum_, when


def main(session, min_amount: int) -> str:
    orders = session.create_dataframe(
        [("alice", "2024-01-03", 12), ("alice", "2024-02-11", 30), ("bob", "2024-01-20", 8),
         ("bob", "2024-03-02", 55), ("carol", "2024-02-28", 41), ("carol", "2024-03-15", 9)],
        schema=["cust", "ordered", "amount"])
    orders.write.mode("overwrite").save_as_table("orders")

    big = session.table("orders").filter(col("amount") > min_amount)
    totals = (big.group_by("cust")
                 .agg(sum_("amount").alias("total"), count("amount").alias("orders"), avg("amount").alias("average"))
                 .with_column("tier", when(col("total") >= 50, lit("gold")).otherwise(lit("silver")))
                 .with_column("place", rank().over(Window.order_by(col("total").desc())))
                 .sort("place"))
    totals.write.mode("overwrite").save_as_table("cust_totals")
    totals.show()
    return "{} customers above {}".format(totals.count(), min_amount)
